package eu.cloudmarket.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.experiment.sweep.SweepKind;
import eu.cloudmarket.scenario.BundledConfigs;
import eu.cloudmarket.scenario.ConfigException;
import eu.cloudmarket.scenario.InputKind;
import eu.cloudmarket.scenario.InputKinds;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code validate CONFIG...}: checks scenario (and sweep) files without running them and reports every problem, one
 * line each: file, line and column, key path, the reason with the value and what is allowed, and a suggestion for a
 * misspelt key. Exit code 0 when every file is valid, 2 when any has a problem, 1 if the check itself failed.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check config and sweep files without running them; list every problem.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CONFIG", arity = "1..*", description = "Files to check (scenarios or sweep files).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Check with these overrides applied, as 'run --set' would. Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int bad = 0;
        int problems = 0;
        boolean crashed = false;
        for (Path given : files) {
            Path file = BundledConfigs.resolve(given);
            try {
                ObjectNode top = new ScenarioLoader().readTree(file);
                InputKind kind = SweepKind.of(top);
                kind.validate(file, sets);
                out.println("ok: " + file + " (" + kind.name() + ")");
                out.flush();
            } catch (RuntimeException | StackOverflowError e) {
                List<ConfigException> found = Errors.problems(e);
                bad++;
                if (found != null) {
                    problems += found.size();
                    Errors.printProblems(err, found);
                } else {
                    crashed = true;
                    Errors.printUnexpected(err, file + ": unexpected failure while checking", e, verbose);
                }
            }
        }
        if (files.size() > 1 || problems > 1) {
            err.println("validate: " + (files.size() - bad) + " of " + files.size() + " file(s) valid"
                    + (problems > 0 ? "; " + problems + " problem(s)" : ""));
        }
        err.flush();
        return crashed ? CloudMarketCli.RUN_FAILED : bad > 0 ? CloudMarketCli.BAD_INPUT : CloudMarketCli.OK;
    }
}
