package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --progress} writes progress lines to stderr only: stdout's result lines and every CSV stay the same. */
class ProgressOptionTest {
    private static CliHarness.Result run(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", RunCommandTest.BASELINE, "--out", out.toString(),
                "--seed", "5"));
        args.addAll(List.of(RunCommandTest.SMALL));
        args.addAll(List.of(extra));
        return CliHarness.run(args.toArray(new String[0]));
    }

    @Test
    void runProgressGoesToStderrAndLeavesCsvsByteIdentical(@TempDir Path tmp) throws Exception {
        CliHarness.Result plain = run(tmp.resolve("plain"));
        CliHarness.Result shown = run(tmp.resolve("shown"), "--progress");
        assertEquals(0, plain.code(), plain.err());
        assertEquals(0, shown.code(), shown.err());
        // without a terminal and without --progress (as in this test) nothing goes to stderr
        assertEquals("", plain.err());
        assertTrue(shown.err().contains("16/16 quarters (100%)"), shown.err());
        assertFalse(shown.out().contains("quarters ("), "progress leaked into stdout: " + shown.out());
        assertEquals(plain.out().replace(tmp.resolve("plain").toString(), "DIR"),
                shown.out().replace(tmp.resolve("shown").toString(), "DIR"));
        List<Path> csvs;
        try (Stream<Path> files = Files.list(tmp.resolve("plain"))) {
            csvs = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        assertTrue(csvs.size() >= 5, csvs.toString());
        for (Path csv : csvs) {
            Path other = tmp.resolve("shown").resolve(csv.getFileName());
            assertArrayEquals(Files.readAllBytes(csv), Files.readAllBytes(other), csv.getFileName() + " differs");
            assertFalse(Files.readString(other).contains("quarters/s"), csv.getFileName() + " has progress");
        }
    }

    @Test
    void chartProgressGoesToStderrOnly(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(0, run(dir).code());
        byte[] quarters = Files.readAllBytes(dir.resolve("quarters.csv"));
        CliHarness.Result plain = CliHarness.run("chart", dir.toString());
        CliHarness.Result shown = CliHarness.run("chart", dir.toString(), "--progress");
        assertEquals(0, plain.code(), plain.err());
        assertEquals(0, shown.code(), shown.err());
        assertEquals("", plain.err());
        assertTrue(shown.err().matches("(?s)chart .*: (\\d+)/\\1 charts \\(100%\\).*"), shown.err());
        assertEquals(plain.out(), shown.out());
        assertArrayEquals(quarters, Files.readAllBytes(dir.resolve("quarters.csv")));
    }
}
