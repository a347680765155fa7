package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: the jar records the commit it was built from, wherever it runs. A run started in a folder outside any git
 * repository names the build's commit (the project's HEAD, asked of git itself) in metadata.json, together with the
 * jar's SHA-256 (computed here from the file), the full command line, start time and host; {@code --version} shows
 * the commit too. Skipped when the project is not a git checkout (a source tarball builds without a commit).
 */
class BuildProvenanceIT {
    static String head;

    @BeforeAll
    static void projectHead() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of(".git")), "not built from a git checkout");
        Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        Assumptions.assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "git not available: " + out);
        head = out;
    }

    @Test
    void aRunStartedOutsideTheRepositoryRecordsTheBuildsCommit(@TempDir Path elsewhere) throws Exception {
        Instant before = Instant.now().minusSeconds(2);
        Path config = Path.of(RunCommandTest.BASELINE).toAbsolutePath();
        Jar.Result r = Jar.exec(elsewhere, Map.of(), 600, Jar.command("run", config.toString(), "--out", "res",
                "--set", "buyers.count=3000", "--set", "horizon.quarters=8", "--set", "horizon.truncateEvents=true",
                "--no-charts"));
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode meta = new ObjectMapper().readTree(elsewhere.resolve("res/metadata.json").toFile());

        assertEquals(head, meta.path("git_commit").asText());
        assertTrue(meta.path("git_dirty").isBoolean(), meta.toString());
        assertEquals(sha256(Jar.JAR), meta.path("jar_sha256").asText());
        List<String> cmd = new java.util.ArrayList<>();
        meta.path("command_line").forEach(n -> cmd.add(n.asText()));
        assertTrue(cmd.containsAll(List.of("-jar", Jar.JAR.toString(), "run", config.toString(), "--out", "res")),
                cmd.toString());
        Instant started = Instant.parse(meta.path("started_at").asText());
        assertTrue(!started.isBefore(before.minus(Duration.ofSeconds(1))) && !started.isAfter(Instant.now()),
                started + " is not the start of this run");
        assertFalse(meta.path("host").asText().isBlank());
        assertEquals(elsewhere.toRealPath().toString(), Path.of(meta.path("working_directory").asText())
                .toRealPath().toString());
    }

    @Test
    void versionShowsTheCommit() throws Exception {
        Jar.Result r = Jar.run(60, "--version");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("commit " + head), r.out());
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
