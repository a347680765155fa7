package eu.cloudmarket.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.cli.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers at the edges of what the loader accepts keep the results finite: random variants of the baseline with
 * every numeric parameter at its smallest or largest accepted value (or left alone) run with no NaN or infinity in
 * any CSV; and the values that used to overflow are refused with their allowed range.
 */
class ExtremeValuesTest {
    private static final Path BASELINE = Path.of("configs/baseline.yaml").toAbsolutePath();
    private static final Pattern NON_FINITE = Pattern.compile("(?i)\\b(nan|-?infinity)\\b");
    private final ScenarioLoader loader = new ScenarioLoader();

    @ParameterizedTest
    @ValueSource(strings = {"segments.public.alpha=1e5", "providers.aws.aiQuality=1e300",
        "market.initialRevenueEurBnPerQuarter=1e50", "segments.public.workloadGrowthPerYear=1e308",
        "segments.public.gammaAi=1e300"})
    void valuesThatOverflowedAreRefusedWithTheirRange(String set) {
        ConfigException e = (ConfigException) org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> loader.load(BASELINE, List.of(set), null));
        assertEquals(set.substring(0, set.indexOf('=')), e.path());
        assertTrue(e.reason().startsWith("must be in ["), e.reason());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void everyParameterAtAnEdgeGivesFiniteResults(long seed, @TempDir Path tmp) throws Exception {
        ObjectNode base = loader.readTree(BASELINE);
        base.remove("seed");
        ((ObjectNode) base.get("buyers")).put("count", 60);
        ((ObjectNode) base.get("horizon")).put("quarters", 12).put("truncateEvents", true);
        ObjectNode tree = base.deepCopy();
        SplittableRandom r = new SplittableRandom(seed);
        for (String path : numericPaths(base, "")) {
            int pick = r.nextInt(3);
            if (pick < 2) {
                NumericBounds.Bound b = NumericBounds.BOUNDS.stream().filter(x -> x.paths().matcher(path).matches())
                        .findFirst().orElse(NumericBounds.DEFAULT);
                Overrides.set(tree, path, JsonNodeFactory.instance.numberNode(pick == 0 ? b.lo() : b.hi()), "test");
            }
        }
        // Values the parameter records refuse (shares above 1, negative prices) go back to the baseline's.
        for (int round = 0; round < 10; round++) {
            List<String> refused = refusedPaths(tree);
            if (refused.isEmpty()) {
                break;
            }
            for (String p : refused) {
                JsonNode original = Overrides.get(base, p);
                if (original != null) {
                    Overrides.set(tree, p, original.deepCopy(), "test");
                }
            }
        }
        Path file = tmp.resolve("edge.yaml");
        Files.write(file, loader.yamlMapper().writeValueAsBytes(tree));
        Path out = tmp.resolve("out");
        CliHarness.Result res = CliHarness.run("run", file.toString(), "--out", out.toString(), "--no-charts");
        assertEquals(0, res.code(), res.err());
        try (Stream<Path> csvs = Files.list(out)) {
            for (Path csv : csvs.filter(p -> p.toString().endsWith(".csv")).toList()) {
                String text = Files.readString(csv);
                assertFalse(NON_FINITE.matcher(text).find(), csv.getFileName() + " has NaN or infinity (seed " + seed
                        + ")");
            }
        }
    }

    private List<String> refusedPaths(ObjectNode tree) {
        try {
            loader.load(tree, "edge", List.of(), null);
            return List.of();
        } catch (ConfigProblems p) {
            return p.problems().stream().map(ConfigException::path).filter(x -> x != null).toList();
        } catch (ConfigException e) {
            return e.path() == null ? List.of() : List.of(e.path());
        }
    }

    private static List<String> numericPaths(JsonNode node, String path) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.addAll(numericPaths(e.getValue(), KeyPath.join(path, e.getKey())));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.addAll(numericPaths(node.get(i), KeyPath.join(path, Integer.toString(i))));
            }
        } else if (node.isNumber() && !path.equals("buyers.count") && !path.equals("horizon.quarters")) {
            out.add(path);
        }
        return out;
    }

    @Test
    void theBaselineIsInsideEveryBound() {
        loader.load(BASELINE);
    }
}
