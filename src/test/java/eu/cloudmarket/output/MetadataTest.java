package eu.cloudmarket.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MetadataTest {
    @Test
    void theBuildsCommitIsReadFromTheBuildNotFromTheWorkingFolder() {
        Assumptions.assumeTrue(Files.exists(Path.of(".git")), "not built from a git checkout");
        BuildInfo build = BuildInfo.current();
        assertTrue(build.commit().matches("[0-9a-f]{40}"), "commit was '" + build.commit() + "'");
        assertTrue(build.dirty().isPresent(), "a known commit has a dirty flag");
        assertTrue(build.buildTime().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), build.buildTime());
    }

    @Test
    void metadataNamesTheBuildAndTheInvocation() {
        ObjectNode m = Metadata.base(new ObjectMapper());
        BuildInfo build = BuildInfo.current();
        assertEquals(build.commit(), m.path("git_commit").asText());
        assertEquals(build.version(), m.path("version").asText());
        // tests run from class folders, not from the jar
        assertEquals("not a jar", m.path("jar_sha256").asText());
        assertTrue(m.path("command_line").isArray() && m.path("command_line").size() > 0, m.toString());
        assertEquals(Path.of("").toAbsolutePath().toString(), m.path("working_directory").asText());
    }
}
