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
 * the process that holds it), the first finishes, and its journal holds every run exactly once.
 */
class SweepLockTest {
    /** Enough runs that the first sweep is still running while the second JVM starts and is refused. */
    static final int REPLICATIONS = 30;

    @Test
    void aSecondSweepOnTheSameFolderIsRefusedAndNoRunIsLostOrDuplicated(@TempDir Path tmp) throws Exception {
        Path sweepFile = tmp.resolve("six.yaml");
        Files.writeString(sweepFile, "name: six\nbase: " + Path.of("configs/baseline.yaml").toAbsolutePath() + "\n"
                + "set: {buyers.count: 3000, horizon.quarters: 12, horizon.truncateEvents: true}\n"
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
        while (!(Files.exists(journal) && Files.size(journal) > 0) && first.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(300); // the first sweep has scanned its journal by now
        assertTrue(first.isAlive(), "the first sweep ended too soon: " + Files.readString(tmp.resolve("1.log")));
        Process second = Launcher.jvm(args).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("2.log").toFile()).start();
        assertTrue(second.waitFor(5, TimeUnit.MINUTES));
        boolean overlapped = first.isAlive();
        assertTrue(first.waitFor(5, TimeUnit.MINUTES));
        String log1 = Files.readString(tmp.resolve("1.log"));
        String log2 = Files.readString(tmp.resolve("2.log"));
        assertEquals(2, second.exitValue(), "the second sweep must be refused (the first was "
                + (overlapped ? "still running" : "done") + " when it ended):\n" + log2);
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
}
