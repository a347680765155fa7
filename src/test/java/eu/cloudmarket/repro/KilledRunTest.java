package eu.cloudmarket.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL ({@code destroyForcibly}) at a random moment leaves either nothing, or a complete result
 * folder (if it finished), or a hidden {@code .NAME.partial-PID-N} folder: never a visible folder that is incomplete.
 * The next run into the same place succeeds and removes the stale partial folder. Three kills: at a random delay
 * after start, at a random delay once the partial folder exists, and the instant the first file is being written
 * into it (so a half-written folder is certainly seen). The delays come from a fixed seed, printed on failure.
 */
class KilledRunTest {
    static final long SEED = Long.getLong("cloudmarket.kill.seed", 20251126L);
    static final List<String> COMPLETE = List.of("config.yaml", "metadata.json", "quarters.csv", "segments.csv",
            "events.csv", "welfare.csv", "flows.csv", "codebook.csv");

    @Test
    void aKilledRunLeavesNothingOrAHiddenPartialFolderThatTheNextRunRemoves(@TempDir Path tmp) throws Exception {
        Random random = new Random(SEED);
        List<String> seen = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            Path parent = tmp.resolve("round" + round);
            Files.createDirectories(parent);
            Path out = parent.resolve("out");
            Path log = tmp.resolve("round" + round + ".log");
            List<String> args = new ArrayList<>(List.of("run", "configs/baseline.yaml", "--out", out.toString(),
                    "--seed", "11", "--set", "buyers.count=6000"));
            if (round == 0) {
                args.add("--no-charts");
            }
            Process p = Launcher.jvm(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            String when = switch (round) {
                case 0 -> {
                    long ms = 300 + random.nextInt(4000);
                    Thread.sleep(ms);
                    yield ms + " ms after start";
                }
                case 1 -> {
                    waitFor(p, parent, false, log);
                    long ms = random.nextInt(1500);
                    Thread.sleep(ms);
                    yield ms + " ms after the partial folder appeared";
                }
                default -> {
                    waitFor(p, parent, true, log);
                    yield "as soon as a file appeared in the partial folder";
                }
            };
            p.destroyForcibly();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "killed process did not end");
            String context = "round " + round + " (seed " + SEED + ", killed " + when + ")";
            seen.add(checkStateAfterKill(parent, out, context));

            // The next run (replacing a complete folder if the killed run had finished) succeeds and cleans up.
            Launcher.Result next = Launcher.IN_PROCESS.run(List.of("run", "configs/baseline.yaml", "--out",
                    out.toString(), "--force", "--seed", "11", "--set", "buyers.count=500", "--set",
                    "horizon.quarters=4", "--set", "horizon.truncateEvents=true", "--no-charts"));
            assertEquals(0, next.code(), context + ": the next run failed: " + next.err());
            assertEquals(Set.of("out"), listing(parent), context + ": the next run left the stale folder");
            assertComplete(out, context);
        }
        assertTrue(seen.contains("partial"), "no kill hit the writing window: " + seen);
    }

    /** Waits until the hidden partial folder exists (and, if asked, holds a file). */
    private static void waitFor(Process p, Path parent, boolean withFile, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            for (String name : listing(parent)) {
                Set<String> files = new TreeSet<>(listing(parent.resolve(name)));
                files.remove(".cloudmarket-partial"); // the tool's own mark, written first
                if (name.startsWith(".out.partial-") && (!withFile || !files.isEmpty())) {
                    return;
                }
            }
            if (!p.isAlive()) {
                fail("the run ended before the partial folder was seen:\n" + Files.readString(log));
            }
            Thread.sleep(2);
        }
        p.destroyForcibly();
        fail("no partial folder appeared within 3 minutes:\n" + Files.readString(log));
    }

    /** Returns "nothing", "partial" or "complete"; fails on anything else. */
    private static String checkStateAfterKill(Path parent, Path out, String context) throws IOException {
        String state = "nothing";
        for (String name : listing(parent)) {
            if (name.equals("out")) {
                assertComplete(out, context + ": a visible result folder");
                state = state.equals("partial") ? state : "complete";
            } else if (name.matches("\\.out\\.partial-\\d+-\\d+")) {
                state = "partial";
            } else {
                fail(context + ": unexpected leftover '" + name + "'");
            }
        }
        return state;
    }

    private static void assertComplete(Path out, String context) throws IOException {
        for (String f : COMPLETE) {
            assertTrue(Files.isRegularFile(out.resolve(f)) && Files.size(out.resolve(f)) > 0,
                    context + ": " + f + " missing or empty in " + listing(out));
        }
    }

    private static Set<String> listing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
