package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The #SBATCH lines of a sweep folder whose path sbatch would split or expand. */
class SlurmScriptPathTest {
    static CliHarness.Result slurm(Path tmp, Path out) throws Exception {
        Path jar = Files.createFile(tmp.resolve("cm.jar"));
        return CliHarness.run("slurm", SweepCommandTest.TINY, "--shards", "2", "--out", out.toString(), "--jar",
                jar.toString());
    }

    static List<String> directives(Path script) throws Exception {
        return Files.readAllLines(script).stream().filter(l -> l.startsWith("#SBATCH --output=")).toList();
    }

    @Test
    void aFolderWithASpaceIsDoubleQuotedInTheOutputDirectives(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("my sweeps").resolve("tiny");
        CliHarness.Result r = slurm(tmp, out);
        assertEquals(0, r.code(), r.err());
        Path dir = out.toAbsolutePath();
        assertEquals(List.of("#SBATCH --output=\"" + dir.resolve("slurm-logs/sweep-%A_%a.out") + "\""),
                directives(dir.resolve("sweep.sbatch")));
        assertEquals(List.of("#SBATCH --output=\"" + dir.resolve("slurm-logs/merge-%j.out") + "\""),
                directives(dir.resolve("merge.sbatch")));
    }

    @Test
    void aFolderWithAPercentSignIsRefusedBeforeAnythingIsWritten(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("100%").resolve("tiny");
        CliHarness.Result r = slurm(tmp, out);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--out"), r.err());
        assertTrue(r.err().contains("'%'"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }
}
