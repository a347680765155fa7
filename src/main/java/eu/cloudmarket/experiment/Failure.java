package eu.cloudmarket.experiment;

import java.util.Objects;

/**
 * A command that cannot finish, with the one-line (or, for a list, multi-line) message the user sees after
 * {@code error: }. Input problems of scenario and sweep files are {@code ConfigException}s instead; a Failure is about
 * the files and folders a command works on, or a run that stopped. The command line maps it to an exit code: 2 for
 * {@link Kind#BAD_INPUT} (nothing was run or changed because of what was asked), 1 for {@link Kind#RUN_FAILED} (the
 * work stopped; with {@code --verbose} the cause's stack trace follows) and for {@link Kind#UNEXPECTED} (a bug: the
 * message is followed by a hint to rerun with {@code --verbose}).
 */
public final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** How a failure is reported. */
    public enum Kind {
        BAD_INPUT, RUN_FAILED, UNEXPECTED
    }

    private final Kind kind;

    private Failure(Kind kind, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = kind;
    }

    /** What was asked cannot be done (a missing or foreign folder, a locked journal). */
    public static Failure badInput(String message) {
        return new Failure(Kind.BAD_INPUT, message, null);
    }

    /** The work stopped because of {@code cause}; the message says what stopped and what is kept. */
    public static Failure runFailed(String message, Throwable cause) {
        return new Failure(Kind.RUN_FAILED, message, cause);
    }

    /** {@code cause} is not a foreseen failure of {@code what}: reported as a bug, with its type and message. */
    public static Failure unexpected(String what, Throwable cause) {
        return new Failure(Kind.UNEXPECTED, what, Objects.requireNonNull(cause, "cause"));
    }

    public Kind kind() {
        return kind;
    }

    /** "Type: message" of a cause, as the stopped-work messages show it. */
    public static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
