package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built jar (target/cloudmarket.jar) or a shell command as a separate process, for integration tests. */
final class Jar {
    static final Path JAR = Path.of("target/cloudmarket.jar").toAbsolutePath();

    record Result(int code, String out, String err) {
    }

    private Jar() {
    }

    static List<String> command(String... args) {
        assertTrue(Files.isRegularFile(JAR), JAR + " missing: integration tests run after mvn package");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static Process start(Path log, List<String> cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        return pb.start();
    }

    /** Runs a command to completion, with a time limit, capturing stdout and stderr. */
    static Result exec(Map<String, String> env, long timeoutSeconds, List<String> cmd)
            throws IOException, InterruptedException {
        return exec(null, env, timeoutSeconds, cmd);
    }

    /** Runs a command in folder {@code dir} (null: this process's folder) to completion, as above. */
    static Result exec(Path dir, Map<String, String> env, long timeoutSeconds, List<String> cmd)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("cm-it-out", ".txt");
        Path err = Files.createTempFile("cm-it-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().putAll(env);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            pb.redirectOutput(out.toFile());
            pb.redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("timed out after " + timeoutSeconds + " s: " + String.join(" ", cmd)
                        + "\n" + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err,
                        StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Result run(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        return exec(Map.of(), timeoutSeconds, command(args));
    }

    /** Data lines (not the '#' header lines) of a journal, or 0 if it does not exist yet. */
    static long journalRows(Path journal) {
        try {
            if (!Files.exists(journal)) {
                return 0;
            }
            return Files.readAllLines(journal, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.startsWith("#") && !l.isEmpty()).count();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
