package eu.cloudmarket.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in-process and captures its exit code, stdout and stderr. */
public final class CliHarness {
    public record Result(int code, String out, String err) {
    }

    private CliHarness() {
    }

    public static Result run(String... args) {
        CommandLine cl = CloudMarketCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
