package eu.cloudmarket.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extends limit counts files, and its message says so: a chain of the limit loads, one more file is refused. */
class ExtendsChainTest {
    private static final Path BASELINE = Path.of("configs/baseline.yaml").toAbsolutePath();
    private final ScenarioLoader loader = new ScenarioLoader();

    /** A chain of {@code files} files: f1 is a copy of the baseline, each further fK extends f(K-1); returns fN. */
    private static Path chain(Path dir, int files) throws Exception {
        Files.copy(BASELINE, dir.resolve("f1.yaml"));
        for (int k = 2; k <= files; k++) {
            Files.writeString(dir.resolve("f" + k + ".yaml"), "extends: f" + (k - 1) + ".yaml\nname: f" + k + "\n");
        }
        return dir.resolve("f" + files + ".yaml");
    }

    @Test
    void aChainOfTheLimitLoads(@TempDir Path tmp) throws Exception {
        Scenario s = loader.load(chain(tmp, ExtendsResolver.MAX_CHAIN_FILES), List.of(), null);
        assertEquals("f8", s.name());
    }

    @Test
    void oneFileMoreIsRefusedWithAMessageThatCountsFiles(@TempDir Path tmp) throws Exception {
        Path top = chain(tmp, ExtendsResolver.MAX_CHAIN_FILES + 1);
        long start = System.nanoTime();
        ConfigException e = assertInstanceOf(ConfigException.class,
                assertThrows(RuntimeException.class, () -> loader.load(top, List.of(), null)));
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "refused quickly");
        assertEquals("extends", e.path());
        assertTrue(e.file().endsWith("f2.yaml"), e.getMessage());
        assertEquals("extends chain of more than 8 files (this file is number 8 and extends another); at most 8"
                + " files, counting the one given, may extend each other", e.reason());
    }
}
