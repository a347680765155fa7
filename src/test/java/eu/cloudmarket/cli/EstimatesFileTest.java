package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.output.Metadata;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run writes the structural parameters it solved as {@code estimates.yaml}, a config that extends the run's own
 * config.yaml and holds them fixed: running it repeats the estimating run to the byte, its provenance names the
 * targets' hash, and a config that holds estimates fixed but misses an entity, or carries costs the market does not
 * estimate, is bad input naming the key.
 */
class EstimatesFileTest {
    private static final String BASELINE = Path.of("configs/baseline.yaml").toAbsolutePath().toString();
    private static final String[] SMALL = {"--no-charts", "--set", "buyers.count=3000", "--set", "horizon.quarters=6",
        "--set", "horizon.truncateEvents=true", "--set", "structural.use=targets"};

    @Test
    void runningTheEstimatesRepeatsTheEstimatingRunToTheByte(@TempDir Path tmp) throws Exception {
        Path first = tmp.resolve("first");
        assertEquals(0, CliHarness.run(args("run", BASELINE, "--out", first.toString())).code());
        Path estimates = first.resolve("estimates.yaml");
        assertTrue(Files.isRegularFile(estimates));
        Path second = tmp.resolve("second");
        CliHarness.Result r = CliHarness.run("run", estimates.toString(), "--out", second.toString(), "--no-charts");
        assertEquals(0, r.code(), r.err());
        try (Stream<Path> files = Files.list(first)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(second.resolve(f.getFileName())),
                        f.getFileName() + " differs between the estimating run and the run of its estimates");
            }
        }
        assertArrayEquals(Files.readAllBytes(estimates), Files.readAllBytes(second.resolve("estimates.yaml")),
                "holding the estimates fixed writes them back unchanged, with the estimating run's provenance");
    }

    @Test
    void provenanceHashesTheTargetsTheEstimatesWereSolvedFrom(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(0, CliHarness.run(args("run", BASELINE, "--out", dir.toString())).code());
        ScenarioLoader loader = new ScenarioLoader();
        ObjectNode config = (ObjectNode) loader.readTree(dir.resolve("config.yaml"));
        config.remove("structural");
        String expected = Metadata.sha256(loader.yamlMapper().writeValueAsBytes(config));
        String text = Files.readString(dir.resolve("estimates.yaml"));
        assertTrue(text.contains("configSha256: " + expected), text);
        assertTrue(text.contains("seed: 20250101") && text.contains("buyers: 3000"), text);
    }

    @Test
    void heldEstimatesMustCoverEveryProviderAndSegment(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(0, CliHarness.run(args("run", BASELINE, "--out", dir.toString())).code());
        String text = Files.readString(dir.resolve("estimates.yaml"));
        // The run's config without its own structural section (its last), so that nothing fills the gap.
        String config = Files.readString(dir.resolve("config.yaml"));
        Path base = tmp.resolve("base.yaml");
        Files.writeString(base, config.substring(0, config.indexOf("\nstructural:") + 1));
        Path missing = tmp.resolve("missing.yaml");
        Files.writeString(missing, text.replaceAll("(?m)^    alibaba: .*\\n", "")
                .replace("extends: config.yaml", "extends: " + base));
        CliHarness.Result r = CliHarness.run("validate", missing.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("key 'structural.providers': has no estimates for provider 'alibaba'"), r.err());

        Path costs = tmp.resolve("costs.yaml");
        Files.writeString(costs, text.replace("extends: config.yaml", "extends: " + base)
                + "market:\n  marginalCosts: configured\n");
        r = CliHarness.run("validate", costs.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("key 'structural.providers.aws': gives generalCost/aiCost, but"
                + " market.marginalCosts is configured"), r.err());
    }

    private static String[] args(String... head) {
        return Stream.concat(Stream.of(head), Stream.of(SMALL)).toArray(String[]::new);
    }

}
