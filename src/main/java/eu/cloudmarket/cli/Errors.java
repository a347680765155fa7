package eu.cloudmarket.cli;

import eu.cloudmarket.experiment.Failure;
import eu.cloudmarket.scenario.ConfigException;
import eu.cloudmarket.scenario.ConfigProblems;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.nio.channels.ClosedByInterruptException;
import java.util.List;
import picocli.CommandLine.ParseResult;

/**
 * How the command line reports failures, the one place that maps an exception to a message and an exit code: bad
 * input ({@link ConfigException}, {@link ConfigProblems}, {@link Failure.Kind#BAD_INPUT}) is one {@code error:} line
 * per problem and exit code 2; work that stopped ({@link Failure.Kind#RUN_FAILED}) is its {@code error:} line and
 * exit code 1; anything unexpected is one {@code error:} line, a hint to rerun with {@code --verbose}, and exit code
 * 1; a command stopped by an interrupt or during the JVM's shutdown (Ctrl-C) is {@code error: interrupted: ...} and
 * exit code 130. Stack traces only with {@code --verbose}.
 */
final class Errors {
    static final String VERBOSE_HINT = "hint: run again with --verbose to see the stack trace (and please report it)";

    private Errors() {
    }

    /** Exit code of a command stopped by an interrupt or by Ctrl-C: 128 + SIGINT (2), as shells report it. */
    static final int INTERRUPTED = 130;

    /** Prints what went wrong in a command and returns its exit code. */
    static int report(PrintWriter err, Throwable t, ParseResult parsed) {
        if (interrupted(t)) {
            err.println("error: interrupted: " + oneLine(t.getMessage()));
            err.flush();
            return INTERRUPTED;
        }
        List<ConfigException> problems = problems(t);
        if (problems != null) {
            printProblems(err, problems);
            return CloudMarketCli.BAD_INPUT;
        }
        if (t instanceof Failure f && f.kind() != Failure.Kind.UNEXPECTED) {
            err.println("error: " + f.getMessage());
            if (f.kind() == Failure.Kind.RUN_FAILED && f.getCause() != null && verbose(parsed)) {
                f.getCause().printStackTrace(err);
            }
            err.flush();
            return exitCode(f);
        }
        if (t instanceof Failure f) {
            printUnexpected(err, f.getMessage(), f.getCause(), verbose(parsed), hasVerbose(parsed));
        } else {
            printUnexpected(err, "unexpected failure", t, verbose(parsed), hasVerbose(parsed));
        }
        return CloudMarketCli.RUN_FAILED;
    }

    /** The exit code of a command that threw {@code t}. */
    static int exitCode(Throwable t) {
        if (interrupted(t)) {
            return INTERRUPTED;
        }
        boolean badInput = problems(t) != null || t instanceof Failure f && f.kind() == Failure.Kind.BAD_INPUT;
        return badInput ? CloudMarketCli.BAD_INPUT : CloudMarketCli.RUN_FAILED;
    }

    /**
     * Whether {@code t} ended the command because it was stopped rather than because something went wrong: the thread
     * was interrupted (an interruption in its causes), or the JVM is shutting down (Ctrl-C or kill run the shutdown
     * hooks while the command goes on; a run's hook removes its half-written folder, so its next write fails).
     */
    static boolean interrupted(Throwable t) {
        if (problems(t) != null || t instanceof Failure f && f.kind() == Failure.Kind.BAD_INPUT) {
            return false;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InterruptedException || c instanceof InterruptedIOException
                    || c instanceof ClosedByInterruptException) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted() || shuttingDown();
    }

    /** Whether the JVM has begun its shutdown (it then refuses new shutdown hooks). */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { }, "cloudmarket-shutdown-probe");
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** The problems in a ConfigException or ConfigProblems, or null if {@code t} is neither. */
    static List<ConfigException> problems(Throwable t) {
        if (t instanceof ConfigException e) {
            return List.of(e);
        }
        if (t instanceof ConfigProblems p) {
            return p.problems();
        }
        return null;
    }

    /** Most problems listed for one input; a garbled file could otherwise print thousands of lines. */
    static final int MAX_PROBLEMS = 200;

    /** Prints each problem as one {@code error:} line (at most {@link #MAX_PROBLEMS}). */
    static void printProblems(PrintWriter err, List<ConfigException> problems) {
        for (ConfigException e : problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS))) {
            err.println("error: " + oneLine(e.getMessage()));
        }
        if (problems.size() > MAX_PROBLEMS) {
            err.println("error: ... and " + (problems.size() - MAX_PROBLEMS) + " more problems (fix these first)");
        }
        err.flush();
    }

    static final String REPORT_HINT = "hint: this is a bug; please report it with the command line you ran";

    /** Prints an unexpected failure: one line, then the stack trace if verbose, else a hint. */
    static void printUnexpected(PrintWriter err, String what, Throwable t, boolean verbose) {
        printUnexpected(err, what, t, verbose, true);
    }

    /**
     * Prints an unexpected failure: one line, then the stack trace if verbose, else a hint (to use --verbose if the
     * command has that option).
     */
    static void printUnexpected(PrintWriter err, String what, Throwable t, boolean verbose, boolean hasVerbose) {
        err.println("error: " + what + ": " + t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + oneLine(t.getMessage())));
        if (verbose) {
            t.printStackTrace(err);
        } else {
            err.println(hasVerbose ? VERBOSE_HINT : REPORT_HINT);
        }
        err.flush();
    }

    /** Whether the command that ran has a {@code --verbose} option. */
    static boolean hasVerbose(ParseResult parsed) {
        ParseResult last = parsed;
        while (last != null && last.subcommand() != null) {
            last = last.subcommand();
        }
        return last != null && last.commandSpec().findOption("--verbose") != null;
    }

    /** Whether {@code --verbose} was given to the command that ran. */
    static boolean verbose(ParseResult parsed) {
        for (ParseResult r = parsed; r != null; r = r.subcommand()) {
            if (r.commandSpec().findOption("--verbose") != null && r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replace("\r", " ").replace('\n', ' ').trim();
        return t.length() > 2000 ? t.substring(0, 2000) + "..." : t;
    }
}
