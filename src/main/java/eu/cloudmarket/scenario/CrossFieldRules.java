package eu.cloudmarket.scenario;

import eu.cloudmarket.model.params.MarketParams;
import eu.cloudmarket.model.params.ProviderParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Rules across fields and references between sections of a bound {@link ScenarioConfig}, each a named method; every
 * violation is collected, in the order the rules are listed in {@link #check}. Sums are not checked when one of their
 * terms was replaced by a stand-in (its own problem is already reported).
 */
final class CrossFieldRules {
    /** How far a sum of weights or shares may miss its bound: weights are written by hand to a few decimals. */
    static final double SUM_TOLERANCE = 1e-6;
    /** Marginal cost above this multiple of the price is taken for a units slip (assumption). */
    static final double MAX_COST_TO_PRICE = 10;
    /** Most providers, segments and countries each: the model's tables are sized for a market, not a census. */
    static final int MAX_ENTRIES = 100;
    /** Provider and country ids: they appear in CSV columns and event references. */
    private static final String ID_PATTERN = "[A-Za-z0-9_-]+";
    /** The reference meaning every provider or country, so it cannot be an id itself. */
    private static final String ALL = "all";

    private final ScenarioConfig cfg;
    private final String file;
    private final Set<String> repaired;
    private final List<ConfigException> out;

    private CrossFieldRules(ScenarioConfig cfg, String file, Set<String> repaired, List<ConfigException> out) {
        this.cfg = cfg;
        this.file = file;
        this.repaired = repaired;
        this.out = out;
    }

    /**
     * Adds every violation to {@code out}.
     *
     * @param repaired key paths whose values were replaced by stand-ins
     */
    static void check(ScenarioConfig cfg, String file, Set<String> repaired, List<ConfigException> out) {
        CrossFieldRules rules = new CrossFieldRules(cfg, file, repaired, out);
        rules.segmentWeightsSumToOne();
        rules.countryWeightsSumToOne();
        rules.providersAreConsistent();
        rules.providerSharesSumToAtMostOne();
        rules.atMostMaxEntries();
        rules.exportRulesNameKnownTiers();
        rules.structuralParametersCoverTheMarket();
    }

    /**
     * Held-fixed structural parameters ({@code structural.use: estimates}) name every provider and segment of the
     * market and nothing else, and carry costs exactly when costs are inverted from prices: a missing entry would
     * otherwise have to be solved from targets, which is what holding them fixed rules out.
     */
    private void structuralParametersCoverTheMarket() {
        var s = cfg.structural();
        if (s == null || !s.fixed()) {
            return;
        }
        String hint = " (give its estimates, e.g. from a run's estimates.yaml, or set structural.use: targets to"
                + " solve them from the targets)";
        coverage("structural.providers", s.providers().keySet(), cfg.providers().keySet(), "provider", hint);
        coverage("structural.segments", s.segments().keySet(), cfg.segments().keySet(), "segment", hint);
        boolean invert = cfg.market().invertCosts();
        for (var e : s.providers().entrySet()) {
            if (e.getValue().hasCosts() != invert) {
                out.add(new ConfigException(file, "structural.providers." + e.getKey(), invert
                        ? "has no generalCost/aiCost, but market.marginalCosts is fromPrices (costs are estimated);"
                                + " give them or set market.marginalCosts: configured"
                        : "gives generalCost/aiCost, but market.marginalCosts is configured (the configured costs"
                                + " apply); remove them or set market.marginalCosts: fromPrices"));
            }
        }
    }

    private void coverage(String key, Set<String> given, Set<String> known, String what, String hint) {
        for (String id : known) {
            if (!given.contains(id)) {
                out.add(new ConfigException(file, key, "has no estimates for " + what + " '" + id + "'" + hint));
            }
        }
        for (String id : given) {
            if (!known.contains(id)) {
                out.add(new ConfigException(file, key + "." + id, "names no configured " + what + " (known: "
                        + String.join(", ", known) + ")"));
            }
        }
    }

    private void segmentWeightsSumToOne() {
        double segSum = 0;
        for (var e : cfg.segments().entrySet()) {
            segSum += e.getValue().weight();
        }
        if (Math.abs(segSum - 1) > SUM_TOLERANCE && !anyRepaired("segments.", ".weight")) {
            out.add(new ConfigException(file, "segments", String.format(Locale.ROOT,
                    "segment weights must sum to 1, they sum to %.6g (%s)", segSum, listWeights(cfg.segments(),
                            s -> s.weight()))));
        }
    }

    /** Each country weight lies in [0, 1] and has a usable id; the weights sum to one. */
    private void countryWeightsSumToOne() {
        double ctySum = 0;
        boolean ctyBad = false;
        for (var e : cfg.countries().entrySet()) {
            Double w = e.getValue();
            if (w == null || !Double.isFinite(w) || w < 0 || w > 1) {
                out.add(new ConfigException(file, "countries." + e.getKey(), "weight must be a number in [0, 1], was "
                        + w));
                ctyBad = true;
            } else {
                ctySum += w;
            }
            if (!isId(e.getKey())) {
                out.add(new ConfigException(file, "countries." + e.getKey(),
                        "country ids may use letters, digits, '-' and '_' (not 'all')"));
            }
        }
        if (!ctyBad && Math.abs(ctySum - 1) > SUM_TOLERANCE) {
            out.add(new ConfigException(file, "countries", String.format(Locale.ROOT,
                    "country weights must sum to 1, they sum to %.6g (%s)", ctySum,
                    listWeights(cfg.countries(), w -> w))));
        }
    }

    /** Each provider has a usable id, names known countries and chip tiers, and a cost in the units of its price. */
    private void providersAreConsistent() {
        for (var e : cfg.providers().entrySet()) {
            String base = "providers." + e.getKey();
            ProviderParams p = e.getValue();
            if (!isId(e.getKey())) {
                out.add(new ConfigException(file, base,
                        "provider ids may use letters, digits, '-' and '_' (not 'all')"));
            }
            for (int n = 0; n < p.countries().size(); n++) {
                String c = p.countries().get(n);
                if (!c.equals(ALL) && !cfg.countries().containsKey(c)) {
                    out.add(new ConfigException(file, base + ".countries." + n, "unknown country '" + c + "'"
                            + Messages.didYouMean(c, cfg.countries().keySet()) + " (known: "
                            + String.join(", ", cfg.countries().keySet()) + ", all)"));
                }
            }
            for (int n = 0; n < p.chips().size(); n++) {
                String t = p.chips().get(n);
                if (!cfg.chipTiers().containsKey(t)) {
                    out.add(unknownTier(base + ".chips." + n, t));
                }
            }
            boolean pricesRepaired = repaired.stream().anyMatch(r -> r.startsWith(base + ".general.")
                    || r.startsWith(base + ".ai."));
            if (!pricesRepaired && (p.general().marginalCost() > p.general().price() * MAX_COST_TO_PRICE
                    || p.ai().marginalCost() > p.ai().price() * MAX_COST_TO_PRICE)) {
                out.add(new ConfigException(file, base, "marginal cost above ten times the price; check units"));
            }
        }
    }

    private void providerSharesSumToAtMostOne() {
        double shareSum = 0;
        for (ProviderParams p : cfg.providers().values()) {
            shareSum += p.initialShare();
        }
        boolean sharesRepaired = anyRepaired("providers.", ".initialShare")
                || anyRepaired("providers.", ".flowShare");
        double flowSum = cfg.providers().values().stream().mapToDouble(ProviderParams::effectiveFlowShare).sum();
        if (flowSum > 1 + SUM_TOLERANCE && !sharesRepaired) {
            out.add(new ConfigException(file, "providers", String.format(Locale.ROOT,
                    "flow shares must sum to at most 1, they sum to %.6g", flowSum)));
        }
        if (shareSum > 1 + SUM_TOLERANCE && !sharesRepaired) {
            out.add(new ConfigException(file, "providers", String.format(Locale.ROOT,
                    "initial shares must sum to at most 1, they sum to %.6g (%s)", shareSum,
                    listWeights(cfg.providers(), ProviderParams::initialShare))));
        }
    }

    private void atMostMaxEntries() {
        if (cfg.providers().size() > MAX_ENTRIES || cfg.segments().size() > MAX_ENTRIES
                || cfg.countries().size() > MAX_ENTRIES) {
            out.add(new ConfigException(file, "providers", "at most " + MAX_ENTRIES
                    + " providers, segments and countries"));
        }
    }

    private void exportRulesNameKnownTiers() {
        List<MarketParams.ExportRule> rules = cfg.exportControls() == null ? List.of() : cfg.exportControls();
        for (int n = 0; n < rules.size(); n++) {
            MarketParams.ExportRule r = rules.get(n);
            if (r == null) {
                out.add(new ConfigException(file, "exportControls." + n, "is empty"));
            } else if (!cfg.chipTiers().containsKey(r.tier())) {
                out.add(unknownTier("exportControls." + n + ".tier", r.tier()));
            }
        }
    }

    private ConfigException unknownTier(String path, String tier) {
        return new ConfigException(file, path, "unknown chip tier '" + tier + "'"
                + Messages.didYouMean(tier, cfg.chipTiers().keySet()) + " (known: "
                + String.join(", ", cfg.chipTiers().keySet()) + ")");
    }

    private static boolean isId(String id) {
        return id.matches(ID_PATTERN) && !id.equals(ALL);
    }

    private boolean anyRepaired(String prefix, String suffix) {
        return repaired.stream().anyMatch(r -> r.startsWith(prefix) && r.endsWith(suffix));
    }

    private static <V> String listWeights(Map<String, V> m, ToDoubleFunction<V> w) {
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(k + " " + fmt(w.applyAsDouble(v))));
        return String.join(", ", parts);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+$", "").replaceAll("\\.?0+e", "e");
    }
}
