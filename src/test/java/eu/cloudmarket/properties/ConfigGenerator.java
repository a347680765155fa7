package eu.cloudmarket.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random configurations for property tests, derived from the baseline: {@link #valid} perturbs every parameter
 * within its documented valid range (and keeps runs small: a few hundred buyers, a few quarters), {@link #invalid}
 * applies one mutation that must make a valid config invalid, and says which. All randomness comes from the
 * {@link SplittableRandom} passed in, so a failing try is reproduced from its seed.
 */
final class ConfigGenerator {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectNode BASELINE = new ScenarioLoader().readTree(Path.of("configs/baseline.yaml"));

    /** A mutated config and what was done to it. */
    record Mutant(ObjectNode tree, String mutation) {
    }

    private ConfigGenerator() {
    }

    /** A small, valid configuration with every parameter drawn from its valid range. */
    static ObjectNode valid(SplittableRandom r) {
        ObjectNode c = BASELINE.deepCopy();
        c.put("seed", r.nextLong());
        ObjectNode h = (ObjectNode) c.get("horizon");
        h.put("quarters", r.nextInt(1, 9));
        h.put("truncateEvents", true);
        ((ObjectNode) c.get("buyers")).put("count", r.nextInt(50, 801));
        ObjectNode m = (ObjectNode) c.get("market");
        m.put("initialRevenueEurBnPerQuarter", u(r, 1, 50));
        m.put("nestingSigma", u(r, 0, 0.9));
        m.put("adoptionDriftPerYear", u(r, 0, 1));
        m.put("adoptionCeiling", u(r, 0.5, 1));
        m.put("buildCapexPerUnit", u(r, 0, 10));
        m.put("chipCapexPerUnit", u(r, 0, 10));
        m.put("costTrendPerYear", u(r, -0.5, 0.3));
        m.put("aiReferencePriceEurPerGpuHour", u(r, 0.5, 10));
        normalise(r, (ObjectNode) c.get("countries"), null, 1.0);
        ObjectNode segs = (ObjectNode) c.get("segments");
        normalise(r, segs, "weight", 1.0);
        for (JsonNode s : iterable(segs)) {
            ObjectNode g = (ObjectNode) s;
            g.put("alpha", u(r, 0.2, 8));
            g.put("alphaDispersion", u(r, 0, 1));
            g.put("betaUs", u(r, 0, 5));
            g.put("betaCn", u(r, 0, 5));
            g.put("gammaAi", u(r, 0, 5));
            g.put("aiShare", u(r, 0, 1));
            g.put("switchingTech", u(r, 0, 8));
            g.put("switchingEgress", u(r, 0, 2));
            g.put("switchingDispersion", u(r, 0, 1));
            g.put("contractQuarters", r.nextInt(1, 13));
            g.put("cloudAdoption", u(r, 0.05, 0.95));
            g.put("workloadGrowthPerYear", u(r, -0.3, 1));
            g.put("spendDispersion", u(r, 0, 2));
            g.put("licensingExposure", u(r, 0, 1));
        }
        for (JsonNode t : iterable((ObjectNode) c.get("chipTiers"))) {
            ObjectNode tier = (ObjectNode) t;
            tier.put("performance", u(r, 0.1, 2));
            tier.put("unitCost", u(r, 0.1, 2));
            tier.put("leadQuarters", r.nextInt(0, 5));
            tier.put("qualityPenalty", u(r, 0, 1));
        }
        ObjectNode providers = (ObjectNode) c.get("providers");
        normalise(r, providers, "initialShare", u(r, 0.3, 0.98));
        if (r.nextBoolean()) {
            normalise(r, providers, "flowShare", u(r, 0.3, 0.98));
        }
        for (JsonNode pn : iterable(providers)) {
            ObjectNode p = (ObjectNode) pn;
            p.put("aiQuality", u(r, 0, 2));
            for (String product : List.of("general", "ai")) {
                ObjectNode prod = (ObjectNode) p.get(product);
                double price = u(r, 0.3, 3);
                prod.put("price", price);
                prod.put("marginalCost", price * u(r, 0.1, 1.2));
                prod.put("initialUtilisation", u(r, 0.2, 1));
            }
            ObjectNode pricing = (ObjectNode) p.get("pricing");
            pricing.put("rule", List.of("nash", "adjust", "markup").get(r.nextInt(3)));
            pricing.put("speed", u(r, 0.05, 1));
            pricing.put("markup", u(r, 0, 2));
            ObjectNode inv = (ObjectNode) p.get("investment");
            inv.put("targetUtilisation", u(r, 0.5, 1));
            inv.put("mode", r.nextBoolean() ? "build" : "lease");
            inv.put("buildLeadQuarters", r.nextInt(1, 9));
            inv.put("leaseLeadQuarters", r.nextInt(0, 5));
            inv.put("leaseCostPremium", u(r, 0, 0.5));
            inv.put("depreciationPerQuarter", u(r, 0, 0.1));
            p.put("egressLevel", u(r, 0, 1));
            p.put("licensingWedge", u(r, 0, 0.5));
        }
        ObjectNode scr = (ObjectNode) c.get("screening");
        double approve = u(r, 0, 1);
        scr.put("approveProbability", approve);
        scr.put("conditionProbability", u(r, 0, 1 - approve));
        scr.put("reviewQuarters", r.nextInt(0, 5));
        ArrayNode events = (ArrayNode) c.get("events");
        for (int i = events.size() - 1; i >= 0; i--) {
            if (r.nextInt(4) == 0) {
                events.remove(i);
            }
        }
        if (r.nextBoolean()) {
            ObjectNode st = c.putArray("stochasticEvents").addObject();
            st.put("id", "ai-boom");
            st.put("type", "ai_demand_shock");
            st.put("hazardPerQuarter", u(r, 0.05, 1));
            st.putArray("segments").add("ailab");
            st.put("growthMultiplier", u(r, 0.5, 2));
            st.put("gpuIntensityMultiplier", u(r, 0.5, 2));
        }
        return c;
    }

    /** A valid config with exactly one mutation that must make it invalid. */
    static Mutant invalid(SplittableRandom r) {
        ObjectNode c = valid(r);
        int kind = r.nextInt(7);
        String what = switch (kind) {
            case 0 -> nonFinite(r, c);
            case 1 -> wrongType(r, c);
            case 2 -> unknownKey(r, c);
            case 3 -> outOfRange(r, c);
            case 4 -> badReference(r, c);
            case 5 -> missingKey(r, c);
            default -> duplicateEventId(r, c);
        };
        return new Mutant(c, what);
    }

    // -------------------------------------------------------------------------------------------------------------

    private static String nonFinite(SplittableRandom r, ObjectNode c) {
        List<Leaf> leaves = leaves(c, JsonNode::isNumber);
        Leaf l = leaves.get(r.nextInt(leaves.size()));
        double v = List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY).get(r.nextInt(3));
        l.set(F.numberNode(v));
        return "non-finite " + v + " at " + l.path;
    }

    private static String wrongType(SplittableRandom r, ObjectNode c) {
        List<Leaf> leaves = leaves(c, n -> true);
        leaves.removeIf(l -> l.path.endsWith(".description") || l.path.equals("description")
                || l.path.equals("question") || l.path.endsWith(".source"));
        Leaf l = leaves.get(r.nextInt(leaves.size()));
        JsonNode old = l.get();
        JsonNode replacement;
        if (old.isNumber()) {
            replacement = r.nextBoolean() ? F.textNode("abc") : F.arrayNode().add(1);
        } else if (old.isBoolean()) {
            replacement = F.numberNode(7);
        } else {
            replacement = r.nextBoolean() ? F.objectNode().put("x", 1) : F.arrayNode().add(F.objectNode());
        }
        l.set(replacement);
        return "wrong type " + replacement + " at " + l.path;
    }

    private static String unknownKey(SplittableRandom r, ObjectNode c) {
        List<String> records = recordPaths(c);
        String path = records.get(r.nextInt(records.size()));
        ObjectNode target = (ObjectNode) (path.isEmpty() ? c : at(c, path));
        String key = "zq" + Long.toString(r.nextLong() & Long.MAX_VALUE, 36);
        target.put(key, r.nextInt(10));
        return "unknown key " + key + " under '" + path + "'";
    }

    private static String outOfRange(SplittableRandom r, ObjectNode c) {
        List<String> seg = ids(c, "segments");
        List<String> prov = ids(c, "providers");
        List<String> tiers = ids(c, "chipTiers");
        List<String> cty = ids(c, "countries");
        String s = "segments." + pick(r, seg);
        String p = "providers." + pick(r, prov);
        List<Object[]> table = List.of(
                new Object[] {s + ".weight", r.nextBoolean() ? -u(r, 0.01, 1) : 1 + u(r, 0.01, 1)},
                new Object[] {s + ".alpha", -u(r, 0, 5)},
                new Object[] {s + ".aiShare", r.nextBoolean() ? -u(r, 0.01, 1) : 1 + u(r, 0.01, 1)},
                new Object[] {s + ".contractQuarters", -r.nextInt(0, 5)},
                new Object[] {s + ".cloudAdoption", r.nextBoolean() ? 0.0 : 1 + u(r, 0, 1)},
                new Object[] {s + ".betaUs", -u(r, 0.01, 5)},
                new Object[] {p + ".general.price", -u(r, 0.01, 5)},
                new Object[] {p + ".ai.price", -u(r, 0.01, 5)},
                new Object[] {p + ".initialShare", List.of(0.0, 1.0, 1.5, -0.2).get(r.nextInt(4))},
                new Object[] {p + ".egressLevel", r.nextBoolean() ? -u(r, 0.01, 1) : 1 + u(r, 0.01, 1)},
                new Object[] {p + ".pricing.speed", r.nextBoolean() ? 0.0 : 1 + u(r, 0.01, 1)},
                new Object[] {p + ".investment.targetUtilisation", r.nextBoolean() ? 0.0 : 1 + u(r, 0.01, 1)},
                new Object[] {p + ".investment.buildLeadQuarters", -r.nextInt(0, 3)},
                new Object[] {"market.nestingSigma", r.nextBoolean() ? -u(r, 0.01, 1) : 0.96 + u(r, 0, 1)},
                new Object[] {"market.initialRevenueEurBnPerQuarter", -u(r, 0, 10)},
                new Object[] {"buyers.count", r.nextBoolean() ? -r.nextInt(0, 100) : 50_000_001 + r.nextInt(1000)},
                new Object[] {"horizon.quarters", r.nextBoolean() ? -r.nextInt(0, 3) : 401 + r.nextInt(100)},
                new Object[] {"chipTiers." + pick(r, tiers) + ".performance", -u(r, 0, 1)},
                new Object[] {"screening.approveProbability", 1 + u(r, 0.01, 1)},
                new Object[] {"countries." + pick(r, cty), r.nextBoolean() ? -u(r, 0.01, 1) : 1 + u(r, 0.01, 1)});
        Object[] row = table.get(r.nextInt(table.size()));
        String path = (String) row[0];
        JsonNode value = row[1] instanceof Integer i ? F.numberNode(i) : F.numberNode((Double) row[1]);
        setAt(c, path, value);
        return "out of range " + value + " at " + path;
    }

    private static String badReference(SplittableRandom r, ObjectNode c) {
        String p = "providers." + pick(r, ids(c, "providers"));
        ArrayNode events = (ArrayNode) c.get("events");
        List<Integer> withProvider = new ArrayList<>();
        List<Integer> withTier = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).has("provider")) {
                withProvider.add(i);
            }
            if (events.get(i).has("tier")) {
                withTier.add(i);
            }
        }
        switch (r.nextInt(6)) {
            case 0 -> {
                ((ArrayNode) at(c, p + ".countries")).add("ZZ");
                return "unknown country at " + p + ".countries";
            }
            case 1 -> {
                ((ArrayNode) at(c, p + ".chips")).add("nochip");
                return "unknown chip tier at " + p + ".chips";
            }
            case 2 -> {
                ((ObjectNode) c.get("exportControls").get(0)).put("tier", "nochip");
                return "unknown chip tier in exportControls.0";
            }
            case 3 -> {
                ObjectNode e = F.objectNode().put("id", "bad-ref").put("at", c.at("/horizon/start").asText())
                        .put("type", "price_change").put("provider", "nobody").put("product", "ai")
                        .put("changePct", -10);
                events.add(e);
                return "event naming an unknown provider";
            }
            case 4 -> {
                ObjectNode e = F.objectNode().put("id", "bad-seg").put("at", c.at("/horizon/start").asText())
                        .put("type", "sovereignty_shock").put("targetOrigin", "US").put("halfLifeQuarters", 4);
                e.putObject("deltaBeta").put("nosegment", 0.5);
                events.add(e);
                return "event naming an unknown segment";
            }
            default -> {
                ObjectNode e = F.objectNode().put("id", "too-early").put("at", "1999Q1").put("type", "price_change")
                        .put("provider", "aws").put("product", "ai").put("changePct", -10);
                events.add(e);
                return "event dated before the start";
            }
        }
    }

    private static String missingKey(SplittableRandom r, ObjectNode c) {
        List<String> required = new ArrayList<>();
        String s = "segments." + pick(r, ids(c, "segments"));
        String p = "providers." + pick(r, ids(c, "providers"));
        for (String k : List.of("weight", "alpha", "betaUs", "contractQuarters", "cloudAdoption")) {
            required.add(s + "." + k);
        }
        for (String k : List.of("origin", "initialShare", "general", "ai.price", "pricing.rule", "investment.mode",
                "countries", "chips")) {
            required.add(p + "." + k);
        }
        required.addAll(List.of("horizon", "horizon.start", "horizon.quarters", "buyers", "buyers.count", "market",
                "market.nestingSigma", "countries", "segments", "chipTiers", "providers", "screening"));
        String path = required.get(r.nextInt(required.size()));
        int dot = path.lastIndexOf('.');
        ObjectNode parent = (ObjectNode) (dot < 0 ? c : at(c, path.substring(0, dot)));
        parent.remove(dot < 0 ? path : path.substring(dot + 1));
        return "missing required key " + path;
    }

    private static String duplicateEventId(SplittableRandom r, ObjectNode c) {
        ArrayNode events = (ArrayNode) c.get("events");
        ObjectNode copy = F.objectNode().put("id", "dup").put("at", c.at("/horizon/start").asText())
                .put("type", "switching_fee_change").put("egressLevel", 0.5);
        copy.putArray("providers").add("all");
        events.add(copy);
        events.add(copy.deepCopy());
        return "duplicate event id";
    }

    // -------------------------------------------------------------------------------------------------------------

    private record Leaf(ObjectNode objParent, ArrayNode arrParent, String key, int index, String path) {
        JsonNode get() {
            return objParent != null ? objParent.get(key) : arrParent.get(index);
        }

        void set(JsonNode v) {
            if (objParent != null) {
                objParent.set(key, v);
            } else {
                arrParent.set(index, v);
            }
        }
    }

    private static List<Leaf> leaves(JsonNode root, java.util.function.Predicate<JsonNode> keep) {
        List<Leaf> out = new ArrayList<>();
        collect(root, "", keep, out);
        return out;
    }

    private static void collect(JsonNode node, String path, java.util.function.Predicate<JsonNode> keep,
            List<Leaf> out) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    if (keep.test(e.getValue())) {
                        out.add(new Leaf(o, null, e.getKey(), -1, p));
                    }
                } else {
                    collect(e.getValue(), p, keep, out);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                String p = path + "." + i;
                if (a.get(i).isValueNode() && !a.get(i).isNull()) {
                    if (keep.test(a.get(i))) {
                        out.add(new Leaf(null, a, null, i, p));
                    }
                } else {
                    collect(a.get(i), p, keep, out);
                }
            }
        }
    }

    /** Paths of mappings that are records (fixed keys), where an unknown key must be refused. */
    private static List<String> recordPaths(ObjectNode c) {
        List<String> out = new ArrayList<>(List.of("", "horizon", "buyers", "market", "screening"));
        for (String s : ids(c, "segments")) {
            out.add("segments." + s);
        }
        for (String t : ids(c, "chipTiers")) {
            out.add("chipTiers." + t);
        }
        for (String p : ids(c, "providers")) {
            for (String sub : List.of("", ".general", ".ai", ".pricing", ".investment")) {
                out.add("providers." + p + sub);
            }
        }
        for (int i = 0; i < c.get("exportControls").size(); i++) {
            out.add("exportControls." + i);
        }
        for (int i = 0; i < c.get("events").size(); i++) {
            out.add("events." + i);
        }
        return out;
    }

    private static List<String> ids(ObjectNode c, String section) {
        List<String> ids = new ArrayList<>();
        c.get(section).fieldNames().forEachRemaining(ids::add);
        return ids;
    }

    private static JsonNode at(ObjectNode c, String dotted) {
        return c.at("/" + dotted.replace('.', '/'));
    }

    private static void setAt(ObjectNode c, String dotted, JsonNode v) {
        int dot = dotted.lastIndexOf('.');
        ((ObjectNode) at(c, dotted.substring(0, dot))).set(dotted.substring(dot + 1), v);
    }

    private static void normalise(SplittableRandom r, ObjectNode map, String field, double total) {
        List<String> keys = new ArrayList<>();
        map.fieldNames().forEachRemaining(keys::add);
        double[] w = new double[keys.size()];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.05 + r.nextDouble();
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            double v = Math.max(1e-6, w[i] / sum * total);
            if (field == null) {
                map.put(keys.get(i), v);
            } else {
                ((ObjectNode) map.get(keys.get(i))).put(field, v);
            }
        }
        if (field == null || field.equals("weight")) {
            // Exact sums: put the rounding remainder on the first entry.
            double s = 0;
            for (int i = 1; i < w.length; i++) {
                s += field == null ? map.get(keys.get(i)).asDouble() : map.get(keys.get(i)).get(field).asDouble();
            }
            double first = total - s;
            if (field == null) {
                map.put(keys.get(0), first);
            } else {
                ((ObjectNode) map.get(keys.get(0))).put(field, first);
            }
        }
    }

    private static Iterable<JsonNode> iterable(ObjectNode map) {
        return map::elements;
    }

    private static String pick(SplittableRandom r, List<String> from) {
        return from.get(r.nextInt(from.size()));
    }

    private static double u(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }
}
