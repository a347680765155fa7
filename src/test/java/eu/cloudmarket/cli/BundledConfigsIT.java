package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: from a folder with no configs, the jar lists its bundled scenarios, runs one by name (its
 * {@code extends: ../baseline.yaml} resolved inside the jar) and validates a bundled sweep by name.
 */
class BundledConfigsIT {
    @Test
    void theJarRunsAndListsItsBundledConfigsFromAnyFolder(@TempDir Path elsewhere) throws Exception {
        Jar.Result list = Jar.exec(elsewhere, Map.of(), 300, Jar.command("scenarios"));
        assertEquals(0, list.code(), list.out() + list.err());
        assertTrue(list.out().contains("bundled: scenarios/alibaba-lease-entry.yaml"), list.out());

        Jar.Result run = Jar.exec(elsewhere, Map.of(), 600, Jar.command("run", "alibaba-lease-entry", "--out", "res",
                "--set", "buyers.count=2000", "--set", "horizon.quarters=8", "--set", "horizon.truncateEvents=true",
                "--no-charts"));
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(new ObjectMapper().readTree(elsewhere.resolve("res/metadata.json").toFile())
                .path("config_bundled").asBoolean());
        assertTrue(Files.size(elsewhere.resolve("res/quarters.csv")) > 0);

        Jar.Result validate = Jar.exec(elsewhere, Map.of(), 300, Jar.command("validate", "quick", "baseline"));
        assertEquals(0, validate.code(), validate.out() + validate.err());
    }
}
