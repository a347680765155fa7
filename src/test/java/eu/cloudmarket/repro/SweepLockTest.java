package eu.cloudmarket.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes {@code sweep --resume} on one folder: the second is refused at once (exit code 2, naming the folder and
 * the process that holds it), the first finishes, and its journal holds every run exactly once. The first is stopped
 * (SIGSTOP, which keeps its locks) while the second runs, so the two certainly overlap on a machine of any speed.
 */
class SweepLockTest {
    static final int REPLICATIONS = 10;

    @Test
    void aSecondSweepOnTheSameFolderIsRefusedAndNoRunIsLostOrDuplicated(@TempDir Path tmp) throws Exception {
        Path sweepFile = tmp.resolve("six.yaml");
        Files.writeString(sweepFile, "name: six\nbase: " + Path.of("configs/baseline.yaml").toAbsolutePath() + "\n"
                + "set: {buyers.count: 2000, horizon.quarters: 8, horizon.truncateEvents: true}\n"
                + "design: grid\nreplications: " + REPLICATIONS + "\nseed: 5\nparameters:\n"
                + "  - {path: market.nestingSigma, name: sigma, values: [0.2, 0.4]}\n"
                + "metrics: [final_share.eu]\n", StandardCharsets.UTF_8);
        Path dir = tmp.resolve("sweep");
        Path journal = dir.resolve("runs.journal.csv");
        List<String> args = List.of("sweep", sweepFile.toString(), "--out", dir.toString(), "--resume",
                "--threads", "1", "--no-charts");
        Process first = Launcher.jvm(args).redirectErrorStream(true).redirectOutput(tmp.resolve("1.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (rows(journal) < 1 && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        // The first sweep has scanned its journal by now (which dropped the old journal lock).
        assertTrue(first.isAlive(), "the first sweep ended too soon: " + Files.readString(tmp.resolve("1.log")));
        // Stop the first sweep (SIGSTOP; it keeps its locks) so it is certainly still running while the second
        // starts, however busy the machine; let it go on once the second has ended.
        signal(first, "STOP");
        Process second;
        try {
            second = Launcher.jvm(args).redirectErrorStream(true).redirectOutput(tmp.resolve("2.log").toFile())
                    .start();
            assertTrue(second.waitFor(5, TimeUnit.MINUTES));
        } finally {
            signal(first, "CONT");
        }
        assertTrue(first.waitFor(5, TimeUnit.MINUTES));
        String log1 = Files.readString(tmp.resolve("1.log"));
        String log2 = Files.readString(tmp.resolve("2.log"));
        assertEquals(2, second.exitValue(), "the second sweep must be refused:\n" + log2);
        assertEquals(0, first.exitValue(), log1);
        assertEquals(1, log2.lines().count(), log2);
        assertTrue(log2.contains(dir.toString()) && log2.contains(Long.toString(first.pid())), log2);

        Map<String, Integer> lines = new TreeMap<>();
        for (String l : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            if (!l.startsWith("#") && !l.isEmpty()) {
                lines.merge(l.substring(0, l.indexOf(',')), 1, Integer::sum);
            }
        }
        List<String> ids = new ArrayList<>();
        for (int id = 0; id < 2 * REPLICATIONS; id++) {
            ids.add(Integer.toString(id));
        }
        assertEquals(new java.util.TreeSet<>(ids), lines.keySet(), "every run in the journal");
        assertTrue(lines.values().stream().allMatch(n -> n == 1), "no run twice: " + lines);
    }

    private static long rows(Path journal) throws Exception {
        if (!Files.exists(journal)) {
            return 0;
        }
        return Files.readAllLines(journal, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("#") && !l.isEmpty()).count();
    }

    private static void signal(Process p, String signal) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start()
                .waitFor());
    }
}
