package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script and the man pages cover every command the CLI has, so a new command cannot be missed. */
class CompletionAndManpageTest {
    private static Set<String> userCommands() {
        Set<String> names = new TreeSet<>();
        CloudMarketCli.commandLine().getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                names.add(name);
            }
        });
        return names;
    }

    @Test
    void completionScriptMentionsEverySubcommand() {
        CliHarness.Result r = CliHarness.run("generate-completion");
        assertEquals(0, r.code(), r.err());
        Set<String> commands = userCommands();
        assertTrue(commands.containsAll(Set.of("run", "sweep", "merge", "slurm", "validate", "scenarios", "chart")),
                commands.toString());
        for (String name : commands) {
            // picocli's bash script lists each subcommand as an array, e.g. local cmds0=(run)
            assertTrue(r.out().contains("=(" + name + ")"), "completion script lacks " + name);
        }
        assertTrue(r.out().contains("complete -F"), "not a bash completion script");
        assertTrue(!r.out().contains("=(gen-manpage)"), "the hidden gen-manpage command is offered");
    }

    @Test
    void manpageGenerationWritesOnePagePerCommand(@TempDir Path tmp) throws IOException {
        Path outdir = tmp.resolve("man");
        CliHarness.Result r = CliHarness.run("gen-manpage", "--outdir", outdir.toString());
        assertEquals(0, r.code(), r.err());
        Set<String> written;
        try (Stream<Path> files = Files.list(outdir)) {
            written = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertTrue(written.contains("cloudmarket.adoc"), written.toString());
        for (String name : userCommands()) {
            Path page = outdir.resolve("cloudmarket-" + name + ".adoc");
            assertTrue(written.contains(page.getFileName().toString()), "no man page for " + name + ": " + written);
            assertTrue(Files.readString(page).contains(":doctype: manpage"), page + " is not a man page");
        }
    }
}
