package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 20: slurm --account, --qos and repeatable --sbatch lines reach both scripts, and bad ones are refused. */
class SlurmOptionsTest {
    static CliHarness.Result slurm(Path tmp, Path out, String... extra) throws Exception {
        Path jar = tmp.resolve("cm.jar");
        if (!Files.exists(jar)) {
            Files.createFile(jar);
        }
        List<String> args = new ArrayList<>(List.of("slurm", SweepCommandTest.TINY, "--shards", "2", "--out",
                out.toString(), "--jar", jar.toString()));
        args.addAll(List.of(extra));
        return CliHarness.run(args.toArray(new String[0]));
    }

    static List<String> directives(Path script) throws Exception {
        return Files.readAllLines(script).stream().filter(l -> l.startsWith("#SBATCH")).toList();
    }

    @Test
    void accountQosAndExtraLinesAreInBothScriptsInOrder(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("s");
        CliHarness.Result r = slurm(tmp, out, "--account", "proj-123", "--qos", "short", "--sbatch",
                "--constraint=haswell", "--sbatch", "#SBATCH --mail-type=END");
        assertEquals(0, r.code(), r.err());
        for (String script : List.of("sweep.sbatch", "merge.sbatch")) {
            List<String> d = directives(out.resolve(script));
            int account = d.indexOf("#SBATCH --account=proj-123");
            int qos = d.indexOf("#SBATCH --qos=short");
            int constraint = d.indexOf("#SBATCH --constraint=haswell");
            int mail = d.indexOf("#SBATCH --mail-type=END");
            assertTrue(account >= 0 && qos > account && constraint > qos && mail > constraint, script + ": " + d);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--account | a b      | must be a SLURM name",
        "--qos     | x;rm     | must be a SLURM name",
        "--sbatch  | constraint=x | must be an sbatch option",
        "--sbatch  | --array=1-9  | --array is set by the generated scripts",
        "--sbatch  | -o/tmp/x     | -o is set by the generated scripts"})
    void badValuesAreRefusedBeforeAnythingIsWritten(String option, String value, String reason, @TempDir Path tmp)
            throws Exception {
        Path out = tmp.resolve("s");
        CliHarness.Result r = slurm(tmp, out, option, value);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(option) && r.err().contains(reason), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void anSbatchValueWithALineBreakIsRefused(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("s");
        CliHarness.Result r = slurm(tmp, out, "--sbatch", "--constraint=x\necho pwned");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("no line breaks"), r.err());
        assertFalse(Files.exists(out));
    }
}
