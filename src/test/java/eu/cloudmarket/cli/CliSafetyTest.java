package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.output.ResultFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Exit codes, --force, --verbose and validate, end to end through the command line. */
class CliSafetyTest {
    static final String BASELINE = "configs/baseline.yaml";
    static final String[] TINY = {"--set", "buyers.count=300", "--set", "horizon.quarters=3", "--set",
        "horizon.truncateEvents=true", "--no-charts"};

    private static CliHarness.Result run(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", BASELINE, "--out", out.toString()));
        args.addAll(List.of(TINY));
        args.addAll(List.of(extra));
        return CliHarness.run(args.toArray(new String[0]));
    }

    @Test
    void forceReplacesAnExistingResultFolderWhole(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(0, run(out).code());
        Files.writeString(out.resolve("stale.txt"), "from an older run");
        CliHarness.Result refused = run(out);
        assertEquals(2, refused.code());
        assertTrue(Files.exists(out.resolve("stale.txt")), "without --force nothing is touched");
        CliHarness.Result forced = run(out, "--force");
        assertEquals(0, forced.code(), forced.err());
        assertFalse(Files.exists(out.resolve("stale.txt")), "the old content is gone, not mixed in");
        assertTrue(Files.size(out.resolve("quarters.csv")) > 0);
        try (var s = Files.list(tmp)) {
            assertEquals(List.of(out), s.toList(), "nothing left beside the folder");
        }
    }

    @Test
    void forceRefusesToReplaceAFolderThatIsNotAResult(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("thesis");
        Files.createDirectories(out);
        Files.writeString(out.resolve("chapter1.tex"), "precious");
        CliHarness.Result r = run(out, "--force");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("does not look like a result folder"), r.err());
        assertEquals("precious", Files.readString(out.resolve("chapter1.tex")));
        try (var s = Files.list(tmp)) {
            assertEquals(List.of(out), s.toList());
        }
    }

    @Test
    void theDefaultFolderIsNamedFromTheScenarioInsideResults() {
        Path p = ResultFolder.defaultFor("baseline");
        assertEquals(Path.of("results"), p.getParent());
        assertTrue(p.getFileName().toString().matches("baseline-\\d{8}-\\d{6}(-\\d+)?"), p.toString());
    }

    @Test
    void validateSaysOkForEachValidFileAndExitsZero() {
        CliHarness.Result r = CliHarness.run("validate", BASELINE, BASELINE);
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.out().lines().filter(l -> l.equals("ok: " + BASELINE + " (scenario)")).count(), r.out());
    }

    @Test
    void validateAppliesSetOverridesLikeRun() {
        CliHarness.Result r = CliHarness.run("validate", BASELINE, "--set", "market.nestingSigma=2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--set market.nestingSigma=2: key 'market.nestingSigma': must be in [0.0, 0.95]"),
                r.err());
    }

    /** A command that fails the way a bug would. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Option(names = "--verbose")
        boolean verbose;

        @Override
        public Integer call() {
            throw new IllegalStateException("kaboom\nsecond line");
        }
    }

    private static CliHarness.Result boom(String... args) {
        CommandLine cl = CloudMarketCli.commandLine();
        cl.addSubcommand("boom", new Boom());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new CliHarness.Result(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void anUnexpectedFailureIsOneLineWithAHintAndExitOne() {
        CliHarness.Result r = boom("boom");
        assertEquals(1, r.code());
        List<String> lines = r.err().lines().toList();
        assertEquals(List.of("error: unexpected failure: IllegalStateException: kaboom second line",
                Errors.VERBOSE_HINT), lines);
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliHarness.Result r = boom("boom", "--verbose");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("\tat eu.cloudmarket.cli.CliSafetyTest$Boom.call"), r.err());
        assertFalse(r.err().contains("hint:"));
    }

    @Test
    void helpListsValidate() {
        assertTrue(CliHarness.run("--help").out().contains("validate"));
        assertTrue(CliHarness.run("validate", "--help").out().contains("--set"));
    }
}
