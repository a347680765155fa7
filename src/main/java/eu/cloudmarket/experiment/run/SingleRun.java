package eu.cloudmarket.experiment.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.experiment.Failure;
import eu.cloudmarket.experiment.sweep.SweepKind;
import eu.cloudmarket.model.EventRecord;
import eu.cloudmarket.model.Market;
import eu.cloudmarket.model.QuarterSnapshot;
import eu.cloudmarket.model.Recorder;
import eu.cloudmarket.output.EstimatesFile;
import eu.cloudmarket.output.Metadata;
import eu.cloudmarket.output.ResultFolder;
import eu.cloudmarket.output.RunCharts;
import eu.cloudmarket.output.RunRecorder;
import eu.cloudmarket.output.RunTables;
import eu.cloudmarket.scenario.BundledConfigs;
import eu.cloudmarket.scenario.ConfigException;
import eu.cloudmarket.scenario.HeldTargets;
import eu.cloudmarket.scenario.InputKind;
import eu.cloudmarket.scenario.InputKinds;
import eu.cloudmarket.scenario.Scenario;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code run CONFIG}: loads one scenario, simulates it and writes its result folder (config.yaml, the CSV tables with
 * their codebook, metadata.json and the charts) completely or not at all. Bad input (the config, an override, a
 * folder that may not be replaced) throws {@link ConfigException} or a {@link Failure} of kind BAD_INPUT before
 * anything is written; a run that stops leaves no visible folder.
 */
public final class SingleRun {
    private SingleRun() {
    }

    /** The finished run: where its folder is and what it recorded. */
    public record Result(Path folder, RunRecorder recorder) {
    }

    /** Told after each simulated quarter how many of the run's quarters are done; it must not affect the run. */
    @FunctionalInterface
    public interface Listener {
        void quartersDone(int done, int total);

        Listener NONE = (done, total) -> {
        };
    }

    public static Result execute(RunRequest request) {
        return execute(request, Listener.NONE);
    }

    public static Result execute(RunRequest request, Listener listener) {
        ScenarioLoader loader = new ScenarioLoader();
        Scenario scenario = load(loader, request);
        Path target = request.out() != null ? request.out() : ResultFolder.defaultFor(scenario.name());
        ResultFolder folder = create(target, request.force());
        // Ctrl-C or a plain kill runs shutdown hooks: remove the half-written folder. (kill -9 cannot be caught;
        // its hidden .partial- folder is removed by the next run that writes beside it.)
        Thread cleanup = new Thread(folder::abandon, "cloudmarket-partial-cleanup");
        boolean hooked = addHook(cleanup);
        try {
            long t0 = System.nanoTime();
            RunRecorder rec = new RunRecorder();
            Market market = new Market(scenario.params(), scenario.events(), scenario.stochastic(), scenario.seed(),
                    request.replication(), new Reporting(rec, listener, scenario.params().quarters()));
            market.run();
            double wall = (System.nanoTime() - t0) / 1e9;
            writeAll(folder.dir(), loader, scenario, request, rec, wall);
            writeEstimates(folder.dir(), loader, scenario, request, market);
            folder.commit();
            return new Result(folder.target(), rec);
        } catch (FileAlreadyExistsException e) {
            throw Failure.badInput(e.getFile() + ": " + e.getReason()); // another run wrote the folder meanwhile
        } catch (IOException | RuntimeException | Error e) {
            throw Failure.unexpected("run failed (no result folder was written)", e);
        } finally {
            folder.abandon();
            if (hooked) {
                removeHook(cleanup);
            }
        }
    }

    /** The scenario, after checking that the file is one (not a sweep or calibration file). */
    private static Scenario load(ScenarioLoader loader, RunRequest request) {
        Path config = request.config();
        InputKind kind = SweepKind.of(loader.readTree(config));
        if (!(kind instanceof InputKinds.Scenarios)) {
            throw new ConfigException(config.toString(), null, "is a " + kind.name() + " file, not a scenario; use"
                    + " the '" + kind.name() + "' command (or 'validate' to check it)");
        }
        Scenario scenario = loader.load(config, request.sets(), request.seed());
        for (String set : request.sets()) {
            int eq = set.indexOf('=');
            String inert = HeldTargets.inertReason(eq < 0 ? set : set.substring(0, eq).trim(),
                    scenario.params().structural());
            if (inert != null) {
                throw new ConfigException("--set", null, inert);
            }
        }
        return scenario;
    }

    private static ResultFolder create(Path target, boolean force) {
        try {
            return ResultFolder.create(target, force);
        } catch (FileAlreadyExistsException e) {
            throw Failure.badInput(e.getReason() != null ? target + ": " + e.getReason()
                    : "cannot create result folder " + target + ": " + e.getFile() + " exists and is not a folder");
        } catch (IOException | RuntimeException e) {
            throw Failure.badInput("cannot create result folder " + target + ": " + oneLine(e.getMessage()));
        }
    }

    private static void writeAll(Path dir, ScenarioLoader loader, Scenario scenario, RunRequest request,
            RunRecorder rec, double wallSeconds) throws IOException {
        byte[] configBytes = loader.yamlMapper().writeValueAsBytes(scenario.resolved());
        Files.write(dir.resolve("config.yaml"), configBytes);
        RunTables.write(dir, scenario.params(), rec);
        ObjectNode meta = Metadata.base(new ObjectMapper());
        meta.put("scenario", scenario.name());
        meta.put("source", scenario.source());
        // a bare name on the command line ran the config shipped in the jar, not a file of the user's
        meta.put("config_bundled", BundledConfigs.isBundled(request.config()));
        meta.put("seed", scenario.seed());
        meta.put("replication", request.replication());
        meta.put("buyers", scenario.params().buyerCount());
        meta.put("quarters", scenario.params().quarters());
        meta.put("wall_time_s", Math.round(wallSeconds * 1000) / 1000.0);
        meta.put("config_sha256", Metadata.sha256(configBytes));
        var setsNode = meta.putArray("overrides");
        request.sets().forEach(setsNode::add);
        Metadata.write(dir.resolve("metadata.json"), meta);
        if (request.charts() != null) {
            RunCharts.render(dir, request.charts());
        }
    }

    /** The structural parameters the run used, as a config that holds them fixed ({@link EstimatesFile}). */
    private static void writeEstimates(Path dir, ScenarioLoader loader, Scenario scenario, RunRequest request,
            Market market) throws IOException {
        // The hash of what the estimates were solved under: the resolved config without its structural section, so
        // that a config carrying these estimates has the same hash as the run that solved them.
        ObjectNode targets = scenario.resolved().deepCopy();
        targets.remove("structural");
        String configHash = Metadata.sha256(loader.yamlMapper().writeValueAsBytes(targets));
        var fixed = scenario.params().fixedStructure();
        var provenance = fixed != null && fixed.provenance() != null ? fixed.provenance()
                : EstimatesFile.provenance(scenario.name(), configHash, scenario.seed(), request.replication(),
                        scenario.params().buyerCount());
        EstimatesFile.write(dir, market.estimates(provenance));
    }

    /** Passes everything to the run's recorder and counts quarters for the listener (an observer only). */
    private static final class Reporting implements Recorder {
        private final RunRecorder rec;
        private final Listener listener;
        private final int total;
        private int done;

        Reporting(RunRecorder rec, Listener listener, int total) {
            this.rec = rec;
            this.listener = listener;
            this.total = total;
        }

        @Override
        public void onQuarter(QuarterSnapshot snapshot) {
            rec.onQuarter(snapshot);
            done++;
            listener.quartersDone(done, total);
        }

        @Override
        public void onEvent(EventRecord event) {
            rec.onEvent(event);
        }

        @Override
        public boolean wantsElasticities() {
            return rec.wantsElasticities();
        }
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException | SecurityException e) {
            return false;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | SecurityException e) {
            // shutting down: the hook runs anyway and finds nothing to clean
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace("\r", " ").replace('\n', ' ').trim();
    }
}
