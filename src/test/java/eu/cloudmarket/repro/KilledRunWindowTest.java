package eu.cloudmarket.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run into {@code --out new/deeper/out}, whose parent folders do not exist yet, killed with SIGKILL while it runs:
 * nothing visible may remain (not even the parent folders), only hidden leftovers; the next run cleans them up.
 */
class KilledRunWindowTest {
    @Test
    void aKilledRunIntoMissingParentsLeavesNoVisibleFolder(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("killed.log");
        Path area = Files.createDirectories(tmp.resolve("area"));
        Path out = area.resolve("new/deeper/out");
        Process p = Launcher.jvm(List.of("run", "configs/baseline.yaml", "--out", out.toString(), "--set",
                "buyers.count=6000", "--no-charts")).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (listing(area).isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        Thread.sleep(200);
        assertTrue(p.isAlive(), "the run ended before it was killed:\n" + Files.readString(log));
        p.destroyForcibly();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        Set<String> left = listing(area);
        assertTrue(left.stream().allMatch(n -> n.startsWith(".")), "visible leftovers after kill -9: " + left);

        Launcher.Result next = Launcher.IN_PROCESS.run(List.of("run", "configs/baseline.yaml", "--out",
                out.toString(), "--set", "buyers.count=200", "--set", "horizon.quarters=4", "--set",
                "horizon.truncateEvents=true", "--no-charts"));
        assertEquals(0, next.code(), next.err());
        assertEquals(Set.of("new"), listing(area), "the next run cleaned up");
        assertTrue(Files.size(out.resolve("quarters.csv")) > 0);
    }

    private static Set<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
