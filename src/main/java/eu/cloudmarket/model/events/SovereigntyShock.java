package eu.cloudmarket.model.events;

import eu.cloudmarket.model.MarketControls;
import eu.cloudmarket.model.Origin;
import eu.cloudmarket.model.params.Check;
import eu.cloudmarket.model.params.MarketParams;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * E6: buyers' aversion toward one jurisdiction rises by Δβ per segment and decays with a half-life (Microsoft
 * France's Senate testimony of 10 Jun 2025 [S57]). Segments not listed are unaffected.
 *
 * @param targetOrigin     jurisdiction the aversion is toward (US or CN)
 * @param deltaBeta        segment id → Δβ (utility), each finite
 * @param halfLifeQuarters half-life of the shock, > 0 (use a large value for a permanent shift)
 */
public record SovereigntyShock(Origin targetOrigin, Map<String, Double> deltaBeta, double halfLifeQuarters)
        implements MarketEvent {
    public SovereigntyShock {
        Check.required("targetOrigin", targetOrigin);
        Check.notEmpty("deltaBeta", deltaBeta);
        deltaBeta = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(deltaBeta));
        deltaBeta.forEach((k, v) -> Check.finite("deltaBeta." + k, v == null ? Double.NaN : v));
        Check.positive("halfLifeQuarters", halfLifeQuarters);
    }

    @Override
    public String type() {
        return "sovereignty_shock";
    }

    @Override
    public String target() {
        return targetOrigin.name();
    }

    @Override
    public String parameters() {
        return "delta_beta=" + deltaBeta.entrySet().stream().map(e -> e.getKey() + ":" + Refs.fmt(e.getValue()))
                .collect(Collectors.joining(",")) + ";half_life_quarters=" + Refs.fmt(halfLifeQuarters);
    }

    @Override
    public void validate(MarketParams params) {
        for (String seg : deltaBeta.keySet()) {
            Refs.known("deltaBeta", seg, params.segments(), "segment", false);
        }
    }

    @Override
    public void applyTo(MarketControls m) {
        double[] perSegment = new double[m.segmentCount()];
        deltaBeta.forEach((seg, d) -> perSegment[m.segmentIndex(seg)] = d);
        m.addSovereigntyShock(targetOrigin, perSegment, halfLifeQuarters);
    }

    @Override
    public MarketEvent withMagnitude(String field, double value) {
        if (field.equals("scale")) {
            Map<String, Double> scaled = new LinkedHashMap<>();
            deltaBeta.forEach((k, v) -> scaled.put(k, v * value));
            return new SovereigntyShock(targetOrigin, scaled, halfLifeQuarters);
        }
        return MarketEvent.super.withMagnitude(field, value);
    }
}
