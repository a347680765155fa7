package eu.cloudmarket.output;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MetadataTest {
    @Test
    void theGitCommitIsFoundInARepositoryOrALinkedWorktree() {
        Assumptions.assumeTrue(Files.exists(Path.of(".git")), "not run from a git checkout");
        String commit = Metadata.gitCommit();
        assertTrue(commit.matches("[0-9a-f]{40}"), "commit was '" + commit + "'");
    }
}
