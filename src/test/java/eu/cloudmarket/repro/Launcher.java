package eu.cloudmarket.repro;

import eu.cloudmarket.cli.CliHarness;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A way to run the command line and get a result folder, for determinism tests: in this JVM, or in a fresh JVM
 * process. Tests compare the folders different launchers produce for the same config and seed. The sweep tests can
 * add a launcher that runs a one-cell sweep and returns that cell's folder, to compare a sweep cell with {@code run}.
 */
public interface Launcher {
    /** Runs {@code cloudmarket args...} and returns the exit code; stderr is in the message of a failure. */
    Result run(List<String> args) throws IOException, InterruptedException;

    /** Exit code and captured output. */
    record Result(int code, String out, String err) {
    }

    /** Runs the command line in this JVM (through {@link CliHarness}). */
    Launcher IN_PROCESS = args -> {
        CliHarness.Result r = CliHarness.run(args.toArray(new String[0]));
        return new Result(r.code(), r.out(), r.err());
    };

    /** Runs the command line in a new JVM with the test class path, in the project folder. */
    Launcher SEPARATE_JVM = args -> {
        Path log = Files.createTempFile("cloudmarket-jvm", ".log");
        Path errLog = Files.createTempFile("cloudmarket-jvm", ".err");
        try {
            Process p = jvm(args).redirectOutput(log.toFile()).redirectError(errLog.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly().waitFor();
                throw new IOException("child JVM timed out");
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8),
                    Files.readString(errLog, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(errLog);
        }
    };

    /**
     * A process builder for {@code java -cp <this test class path> eu.cloudmarket.cli.CloudMarketCli args...} in the
     * project folder. Works before the jar is packaged ({@code mvn verify} runs tests first); under surefire the class
     * path is a manifest-only jar listing the real class path, which {@code -cp} honours. C1-only JIT for a fast start
     * (results do not depend on the JIT: Java floating point is strict).
     */
    static ProcessBuilder jvm(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Xmx512m");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("eu.cloudmarket.cli.CloudMarketCli");
        cmd.addAll(args);
        return new ProcessBuilder(cmd).directory(new File(System.getProperty("user.dir")));
    }
}
