package eu.cloudmarket.experiment.calibrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.estimation.Evaluation;
import eu.cloudmarket.estimation.SmmEstimator;
import eu.cloudmarket.estimation.SmmResult;
import eu.cloudmarket.experiment.Failure;
import eu.cloudmarket.output.CalibrationCharts;
import eu.cloudmarket.output.ChartOptions;
import eu.cloudmarket.output.FolderLock;
import eu.cloudmarket.output.Metadata;
import eu.cloudmarket.scenario.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * {@code calibrate CALIBRATION_FILE}: estimates the parameters into a calibration folder ({@link CalibrationFolder}),
 * journalling every evaluation as it finishes. With {@code resume}, the journalled evaluations are handed back to the
 * (deterministic) estimator in order instead of being simulated again, each checked against the θ the estimator asks
 * for, so the continued estimation ends exactly where an uninterrupted one would, with the same files.
 */
public final class CalibrationRun {
    private CalibrationRun() {
    }

    /** What to run. */
    public record Request(Calibration calibration, Path out, int threads, boolean resume, boolean force,
            ChartOptions charts) {
    }

    /** The finished estimation. */
    public record Outcome(Path folder, SmmResult result, int replayed, double wallSeconds) {
    }

    /**
     * Runs the estimation; {@code progress} is told the number of each evaluation as it finishes (replayed ones
     * included).
     */
    public static Outcome execute(Request request, IntConsumer progress) {
        Calibration c = request.calibration();
        Path dir = request.out();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(request.threads(), r -> {
            Thread t = new Thread(r, "cloudmarket-calibrate");
            t.setDaemon(true);
            return t;
        });
        try (FolderLock lock = CalibrationFolder.open(dir, c, request.resume(), request.force())) {
            List<String> header = CalibrationJournal.header(c.problem().names(),
                    c.problem().targets().stream().map(t -> t.name()).toList());
            Path journalFile = dir.resolve(CalibrationJournal.FILE);
            CalibrationJournal.Contents done = request.resume()
                    ? CalibrationJournal.read(journalFile, header, c.problem().parameterCount(),
                            c.problem().replications())
                    : new CalibrationJournal.Contents(List.of(), 0);
            SmmResult result;
            try (CalibrationJournal journal = CalibrationJournal.open(journalFile, header, done.validBytes())) {
                MarketSimulator sim = new MarketSimulator(c, pool);
                List<Evaluation> replay = done.evaluations();
                result = SmmEstimator.estimate(c.problem(), (index, stage, theta) -> {
                    if (index < replay.size()) {
                        return replayed(replay.get(index), stage, theta, journalFile);
                    }
                    return new Evaluation(index, stage, theta, sim.simulate(theta));
                }, (e, q) -> {
                    if (e.index() >= replay.size()) {
                        append(journal, e, q);
                    }
                    progress.accept(e.index());
                });
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            writeResults(dir, c, result, request, wall, done.evaluations().size());
            return new Outcome(dir, result, done.evaluations().size(), wall);
        } catch (FolderLock.HeldException e) {
            throw Failure.badInput(e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw Failure.runFailed("calibration failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw Failure.runFailed("calibration failed: " + e.getMessage() + " (" + dir + ")", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Evaluation replayed(Evaluation e, String stage, double[] theta, Path journal) {
        if (!e.stage().equals(stage) || !Arrays.equals(e.theta(), theta)) {
            throw new ConfigException(journal.toString(), null, "evaluation " + e.index() + " was made at "
                    + Arrays.toString(e.theta()) + " (" + e.stage() + ") but the estimation now asks for "
                    + Arrays.toString(theta) + " (" + stage + "); the journal belongs to another estimation, use"
                    + " --force to start again");
        }
        return e;
    }

    private static void append(CalibrationJournal journal, Evaluation e, double q) {
        try {
            journal.append(e, q);
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static void writeResults(Path dir, Calibration c, SmmResult result, Request request, double wall,
            int replayed) throws IOException {
        CalibrationTables.write(dir, c, result);
        CalibrationFolder.writeAtomically(dir.resolve(CalibratedConfig.FILE),
                CalibratedConfig.text(c, result, dir).getBytes(StandardCharsets.UTF_8));
        ObjectNode meta = Metadata.base(new ObjectMapper());
        meta.put("calibration", c.file().name());
        meta.put("calibration_file", c.file().file().toString());
        meta.put("base", c.file().base().toString());
        meta.put("targets_sha256", c.targetsSha());
        meta.put("spec_sha256", c.specSha());
        meta.put("seed", c.seed());
        meta.put("replications", c.problem().replications());
        meta.put("threads", request.threads());
        meta.put("evaluations", result.evaluations());
        meta.put("evaluations_replayed", replayed);
        meta.put("wall_time_s", Math.round(wall * 1000) / 1000.0);
        meta.put("parameters", c.problem().names().stream().collect(Collectors.joining(", ")));
        Path tmp = dir.resolve(".metadata.json.tmp");
        Metadata.write(tmp, meta);
        java.nio.file.Files.move(tmp, dir.resolve("metadata.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        if (request.charts() != null) {
            CalibrationCharts.render(dir, request.charts());
        }
    }
}
