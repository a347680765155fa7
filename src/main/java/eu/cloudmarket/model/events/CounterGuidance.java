package eu.cloudmarket.model.events;

import eu.cloudmarket.model.MarketControls;
import eu.cloudmarket.model.Origin;
import eu.cloudmarket.model.params.Check;
import eu.cloudmarket.model.params.MarketParams;

/**
 * E3: home-country counter-guidance: the government of {@code origin} urges its firms not to buy licensed foreign
 * chips (Beijing/CAC on the H20, Aug 2025 [S47]). A share ρ of the licensed foreign supply is not taken up; the
 * provider turns to the next tier in its preference list (e.g. domestic chips).
 *
 * @param origin       jurisdiction issuing the guidance (its providers comply)
 * @param refusalShare ρ in [0, 1]
 */
public record CounterGuidance(Origin origin, double refusalShare) implements MarketEvent {
    public CounterGuidance {
        Check.required("origin", origin);
        Check.range("refusalShare", refusalShare, 0, 1);
    }

    @Override
    public String type() {
        return "counter_guidance";
    }

    @Override
    public String target() {
        return origin.name();
    }

    @Override
    public String parameters() {
        return "refusal_share=" + Refs.fmt(refusalShare);
    }

    @Override
    public void validate(MarketParams params) {
        // nothing to resolve: origins are an enum
    }

    @Override
    public void applyTo(MarketControls m) {
        m.setCounterGuidance(origin, refusalShare);
    }

    @Override
    public MarketEvent withMagnitude(String field, double value) {
        if (field.equals("refusalShare")) {
            return new CounterGuidance(origin, value);
        }
        return MarketEvent.super.withMagnitude(field, value);
    }
}
