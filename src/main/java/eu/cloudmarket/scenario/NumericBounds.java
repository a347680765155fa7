package eu.cloudmarket.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bounds on the size of numbers that keep the model's arithmetic finite. The parameter records check what a value
 * means (a share is in [0, 1], a price is not negative); these check that it is not so large that exponentials,
 * products or growth compounded over 400 quarters overflow to infinity and NaN in the results (alpha 1e5, revenue
 * 1e50, growth 1e308 did). Each bound is generous: at least ten times the largest value any bundled config uses.
 */
final class NumericBounds {
    /**
     * One bound.
     *
     * @param name    a name for the bound, used in the message
     * @param paths   the dotted key paths it applies to; {@code *} is any one key or list index
     * @param lo      smallest allowed value
     * @param hi      largest allowed value
     * @param reason  why, with its source key or {@code assumption}
     */
    record Bound(String name, Pattern paths, double lo, double hi, String reason) {
        static Bound of(String name, String paths, double lo, double hi, String reason) {
            return new Bound(name, Pattern.compile(paths.replace(".", "\\.").replace("*", "[^.]+")), lo, hi, reason);
        }
    }

    /** Keys whose numbers are not parameters of the arithmetic (or have their own range in their record). */
    private static final Pattern EXEMPT =
            Pattern.compile("seed|buyers\\.count|horizon\\.quarters|events\\.[0-9]+\\.at|structural\\.provenance\\..*");

    /** Bounds for particular keys; the first whose paths match a key applies, else {@link #DEFAULT}. */
    static final List<Bound> BOUNDS = List.of(
            Bound.of("growth per year", "(segments.*.workloadGrowthPerYear|market.adoptionDriftPerYear"
                    + "|market.costTrendPerYear)", -0.9, 2.0,
                    "assumption: compounded over up to 400 quarters, 3^100 stays finite; bundled configs use -0.08"
                            + " to 0.3"),
            Bound.of("AI preference", "segments.*.gammaAi", 0, 10,
                    "assumption: gammaAi x aiQuality enters exp(); a product of 100 overflowed welfare.csv, 60 did not;"
                            + " bundled configs use at most 3"),
            Bound.of("AI quality", "providers.*.aiQuality", 0, 5,
                    "assumption: with gammaAi <= 10 the product stays <= 50; bundled configs use at most 1.1"),
            Bound.of("utility level", "structural.(providers.*.(initialQuality|quality)"
                    + "|segments.*.(initialOutsideUtility|outsideUtility))", -100, 100,
                    "assumption: logit units enter exp(); estimated levels of the bundled configs are within +-5"),
            Bound.of("market scale", "structural.marketScale", 1e-9, 1e6,
                    "assumption: EUR bn per quarter per unit of expected revenue per unit of workload; the bundled"
                            + " baseline's is about 28"),
            Bound.of("capital cost per unit", "market.(buildCapexPerUnit|chipCapexPerUnit)", 0, 100,
                    "assumption: EUR per EUR of quarterly workload; bundled configs use 2.6 and 5 (25 years of"
                            + " revenue per unit of capacity would be absurd)"),
            Bound.of("utility weight", "segments.*.(alpha|betaUs|betaCn|switchingTech|switchingEgress)", 0, 100,
                    "assumption: logit units enter exp(); bundled configs use at most 9"));

    /** The bound of every other number. */
    static final Bound DEFAULT = new Bound("parameter size", Pattern.compile(".*"), -1000, 1000,
            "assumption: bundled configs use magnitudes up to 100; products of a few such numbers stay finite");

    private NumericBounds() {
    }

    /** Adds a problem for every number in {@code tree} outside its bound, except at the paths in {@code skip}. */
    static void check(JsonNode tree, String file, Set<String> skip, List<ConfigException> problems) {
        walk(tree, "", file, skip, problems);
    }

    private static void walk(JsonNode node, String path, String file, Set<String> skip,
            List<ConfigException> problems) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), KeyPath.join(path, e.getKey()), file, skip, problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), KeyPath.join(path, Integer.toString(i)), file, skip, problems);
            }
        } else if (node.isNumber() && !EXEMPT.matcher(path).matches() && !skip.contains(path)) {
            double v = node.asDouble();
            Bound b = BOUNDS.stream().filter(x -> x.paths().matcher(path).matches()).findFirst().orElse(DEFAULT);
            if (Double.isFinite(v) && (v < b.lo() || v > b.hi())) {
                problems.add(new ConfigException(file, path, "must be in [" + b.lo() + ", " + b.hi() + "] (" + b.name()
                        + ": " + b.reason() + "), was " + node.asText()));
            }
        }
    }
}
