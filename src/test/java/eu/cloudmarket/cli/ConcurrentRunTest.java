package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs started at the same time into the same {@code --out}: both find the folder absent, so both start; the one
 * that finishes second must not replace the other's result but stop with exit code 2, as if the folder had existed.
 */
class ConcurrentRunTest {
    @Test
    void theSecondOfTwoConcurrentRunsIntoOneFolderIsRefused(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Callable<CliHarness.Result> one = () -> CliHarness.run("run", "configs/baseline.yaml", "--out",
                out.toString(), "--set", "buyers.count=1500", "--set", "horizon.quarters=6", "--set",
                "horizon.truncateEvents=true", "--no-charts");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<CliHarness.Result> results = new ArrayList<>();
        try {
            Future<CliHarness.Result> a = pool.submit(one);
            Future<CliHarness.Result> b = pool.submit(one);
            results.add(a.get());
            results.add(b.get());
        } finally {
            pool.shutdown();
        }
        List<Integer> codes = results.stream().map(CliHarness.Result::code).sorted().toList();
        assertEquals(List.of(0, 2), codes, results.toString());
        CliHarness.Result refused = results.stream().filter(r -> r.code() == 2).findFirst().orElseThrow();
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(refused.err().contains(out.toString()), refused.err());
        assertTrue(Files.size(out.resolve("quarters.csv")) > 0);
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(out), s.toList(), "nothing left beside the folder");
        }
    }
}
