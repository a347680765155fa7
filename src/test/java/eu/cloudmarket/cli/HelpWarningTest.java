package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --help} of every command prints its usage and nothing on stderr (picocli warns there, e.g. of a lone %). */
class HelpWarningTest {
    @Test
    void everyCommandsHelpPrintsNoWarning() {
        List<List<String>> commands = new ArrayList<>();
        commands.add(List.of("--help"));
        for (String name : CloudMarketCli.commandLine().getSubcommands().keySet()) {
            if (!name.equals("help")) {
                commands.add(List.of(name, "--help"));
            }
        }
        assertTrue(commands.size() > 5, commands.toString());
        for (List<String> args : commands) {
            PrintStream saved = System.err;
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            CliHarness.Result r;
            try {
                System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
                r = CliHarness.run(args.toArray(new String[0]));
            } finally {
                System.setErr(saved);
            }
            assertEquals(0, r.code(), args + ": " + r.err());
            assertTrue(r.out().contains("Usage:"), args + ": " + r.out());
            assertEquals("", r.err(), args + " wrote to the command's stderr");
            assertEquals("", stderr.toString(StandardCharsets.UTF_8), args + " wrote to System.err");
        }
    }
}
