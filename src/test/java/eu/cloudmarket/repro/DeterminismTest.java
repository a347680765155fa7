package eu.cloudmarket.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import eu.cloudmarket.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same config and seed give byte-identical outputs: across repeated runs in one JVM, in a separate JVM, whatever
 * other configs were loaded or run before, when runs execute concurrently in one JVM, whether a value comes from
 * {@code --set} or from an edited file, and when the {@code config.yaml} a run wrote is run again. The tables compared are every CSV and the resolved {@code config.yaml}
 * ({@link RunOutputs}).
 *
 * <p>Left for the sweep commands (they add a {@link Launcher} for a sweep cell): a sweep cell against the same cell
 * run alone with {@code run}, and sweeps at different thread counts.
 */
class DeterminismTest {
    static final String BASELINE = "configs/baseline.yaml";
    /** A small baseline: a few seconds per run. */
    static final List<String> SMALL = List.of("--set", "buyers.count=2500", "--set", "horizon.quarters=12", "--set",
            "horizon.truncateEvents=true", "--no-charts");

    private static RunOutputs run(Launcher launcher, Path out, String config, String seed, List<String> extra)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("run", config, "--out", out.toString(), "--seed", seed));
        args.addAll(SMALL);
        args.addAll(extra);
        Launcher.Result r = launcher.run(args);
        assertEquals(0, r.code(), "run " + args + " failed:\n" + r.err());
        return RunOutputs.of(out);
    }

    @Test
    void repeatedRunsInOneJvmAndARunInAnotherJvmAreByteIdentical(@TempDir Path tmp) throws Exception {
        RunOutputs first = run(Launcher.IN_PROCESS, tmp.resolve("a"), BASELINE, "42", List.of());
        RunOutputs again = run(Launcher.IN_PROCESS, tmp.resolve("b"), BASELINE, "42", List.of());
        first.assertSameAs(again, "a second run in the same JVM");
        RunOutputs elsewhere = run(Launcher.SEPARATE_JVM, tmp.resolve("c"), BASELINE, "42", List.of());
        first.assertSameAs(elsewhere, "a run in a separate JVM");
    }

    @Test
    void otherConfigsLoadedOrRunBeforeDoNotChangeAResult(@TempDir Path tmp) throws Exception {
        RunOutputs alone = run(Launcher.IN_PROCESS, tmp.resolve("alone"), BASELINE, "7", List.of());
        // Load and run other scenarios first: another file, other rules, another seed and replication.
        Path other = tmp.resolve("other.yaml");
        Files.writeString(other, "extends: " + Path.of(BASELINE).toAbsolutePath() + "\nname: other\n"
                + "market: {nestingSigma: 0.6}\nproviders:\n  aws: {pricing: {rule: nash}}\n");
        new ScenarioLoader().load(other, List.of(), 99L);
        run(Launcher.IN_PROCESS, tmp.resolve("other"), other.toString(), "99", List.of("--replication", "3"));
        RunOutputs after = run(Launcher.IN_PROCESS, tmp.resolve("after"), BASELINE, "7", List.of());
        alone.assertSameAs(after, "the same run after loading and running another config");
    }

    @Test
    void concurrentRunsInOneJvmMatchASequentialRun(@TempDir Path tmp) throws Exception {
        RunOutputs sequential = run(Launcher.IN_PROCESS, tmp.resolve("seq"), BASELINE, "3", List.of());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<RunOutputs>> parallel = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Path out = tmp.resolve("par" + i);
                parallel.add(pool.submit(() -> run(Launcher.IN_PROCESS, out, BASELINE, "3", List.of())));
            }
            for (Future<RunOutputs> f : parallel) {
                sequential.assertSameAs(f.get(), "a run executed concurrently with two others");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aValueFromSetAndTheSameValueInAFileGiveTheSameTables(@TempDir Path tmp) throws Exception {
        RunOutputs viaSet = run(Launcher.IN_PROCESS, tmp.resolve("set"), BASELINE, "5",
                List.of("--set", "market.nestingSigma=0.45"));
        Path edited = tmp.resolve("edited.yaml");
        Files.writeString(edited, "extends: " + Path.of(BASELINE).toAbsolutePath() + "\nname: baseline\n"
                + "market:\n  nestingSigma: 0.45\n");
        RunOutputs viaFile = run(Launcher.IN_PROCESS, tmp.resolve("file"), edited.toString(), "5", List.of());
        viaSet.assertSameAs(viaFile, "the same value given by --set and by an extending file");
    }

    @Test
    void theResolvedConfigWrittenWithAResultRepeatsTheRun(@TempDir Path tmp) throws Exception {
        RunOutputs original = run(Launcher.IN_PROCESS, tmp.resolve("orig"), BASELINE, "17",
                List.of("--set", "providers.eu.pricing.rule=nash"));
        Path written = tmp.resolve("orig/config.yaml");
        Launcher.Result again = Launcher.IN_PROCESS.run(List.of("run", written.toString(), "--out",
                tmp.resolve("again").toString(), "--no-charts"));
        assertEquals(0, again.code(), again.err());
        original.assertSameAs(RunOutputs.of(tmp.resolve("again")), "a run of the config.yaml a run wrote");
    }

    @Test
    void theSeedAndTheReplicationIndexSelectTheRandomStreams(@TempDir Path tmp) throws Exception {
        RunOutputs r1 = run(Launcher.IN_PROCESS, tmp.resolve("r1"), BASELINE, "5", List.of("--replication", "1"));
        RunOutputs r1again = run(Launcher.IN_PROCESS, tmp.resolve("r1b"), BASELINE, "5", List.of("--replication", "1"));
        RunOutputs r0 = run(Launcher.IN_PROCESS, tmp.resolve("r0"), BASELINE, "5", List.of());
        RunOutputs otherSeed = run(Launcher.IN_PROCESS, tmp.resolve("s6"), BASELINE, "6", List.of());
        r1.assertSameAs(r1again, "the same replication index");
        String q1 = new String(r1.files().get("quarters.csv"));
        assertNotEquals(q1, new String(r0.files().get("quarters.csv")), "replication 1 must differ from 0");
        assertNotEquals(new String(r0.files().get("quarters.csv")), new String(otherSeed.files().get("quarters.csv")),
                "seed 6 must differ from seed 5");
    }
}
