package eu.cloudmarket.output;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How this process was started, for metadata.json: the full command line (the Java launcher, its options and the
 * tool's arguments, as the operating system reports them), when it started, on which host and in which folder.
 *
 * @param commandLine the command line, or empty when the operating system does not report it
 * @param startedAt   the process start (UTC, whole seconds), or null when not reported
 * @param host        the host name, or "unknown"
 * @param workingDir  the folder the process was started in
 */
public record Invocation(List<String> commandLine, Instant startedAt, String host, String workingDir) {
    public Invocation {
        commandLine = List.copyOf(commandLine);
    }

    /** The running process's invocation. */
    public static Invocation current() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        List<String> cmd = new ArrayList<>();
        info.command().ifPresent(cmd::add);
        info.arguments().ifPresent(args -> cmd.addAll(List.of(args)));
        Instant start = info.startInstant().map(t -> t.truncatedTo(ChronoUnit.SECONDS)).orElse(null);
        return new Invocation(cmd, start, hostName(), Path.of("").toAbsolutePath().toString());
    }

    /** The host name: HOSTNAME as set by the shell or the scheduler, else the name the resolver gives. */
    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return Optional.ofNullable(InetAddress.getLocalHost().getHostName()).orElse("unknown");
        } catch (UnknownHostException | RuntimeException e) {
            return "unknown";
        }
    }
}
