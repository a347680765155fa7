package eu.cloudmarket.cli;

import eu.cloudmarket.output.BuildInfo;
import java.io.PrintWriter;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point: {@code java -jar cloudmarket.jar <command>}. Exit codes: 0 success, 1 a run failed, 2 bad input.
 */
@Command(name = "cloudmarket", mixinStandardHelpOptions = true, versionProvider = CloudMarketCli.Version.class,
        description = "Discrete-event, agent-based simulator of competition in the European cloud market.",
        subcommands = {RunCommand.class, SweepCommand.class, MergeCommand.class, SlurmCommand.class,
                CalibrateCommand.class,
                ValidateCommand.class, ScenariosCommand.class, ChartCommand.class, SensitivityCommand.class,
                DiscoverCommand.class,
            AutoComplete.GenerateCompletion.class, GenManpageCommand.class, CommandLine.HelpCommand.class})
public final class CloudMarketCli implements Runnable {
    public static final int OK = 0;
    public static final int RUN_FAILED = 1;
    public static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command (try: run configs/baseline.yaml)");
    }

    /** A command line configured with the project's error handling; tests call {@code execute} on it. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CloudMarketCli());
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            String suggestion = "";
            if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                suggestion = " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
            }
            err.println("error: " + Errors.oneLine(ex.getMessage()) + suggestion);
            err.println("usage: " + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help  (shows the options)");
            err.flush();
            return BAD_INPUT;
        });
        cl.setExitCodeExceptionMapper(Errors::exitCode);
        cl.setExecutionExceptionHandler((ex, c, parsed) -> Errors.report(c.getErr(), ex, parsed));
        return cl;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    /** Version and commit from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo build = BuildInfo.current();
            return new String[] {"cloudmarket " + build.version(), "commit " + build.describeCommit(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
