package eu.cloudmarket.model.events;

import eu.cloudmarket.model.MarketControls;
import eu.cloudmarket.model.params.Check;
import eu.cloudmarket.model.params.MarketParams;

/**
 * E1: a provider changes a price by a percentage. With basis {@code list} the list price moves and the provider holds
 * it for {@code holdQuarters} before its pricing rule resumes (rivals re-optimise meanwhile); with basis {@code cost}
 * the marginal cost moves permanently (e.g. an energy shock) and prices follow through the pricing rule.
 *
 * @param provider     provider id, or {@code all}
 * @param product      general, ai or both
 * @param changePct    change in percent, > -100 (e.g. -45 for AWS's June 2025 P5 cut [S33])
 * @param basis        list or cost
 * @param holdQuarters quarters the new list price is held, >= 0 (basis list only)
 */
public record PriceChange(String provider, String product, double changePct, String basis, int holdQuarters)
        implements MarketEvent {
    public PriceChange {
        Check.finite("changePct", changePct);
        if (changePct <= -100) {
            throw new IllegalArgumentException("changePct: must be > -100, was " + changePct);
        }
        basis = basis == null ? "list" : basis;
        if (!basis.equals("list") && !basis.equals("cost")) {
            throw new IllegalArgumentException("basis: must be list or cost, was '" + basis + "'");
        }
        Check.atLeast("holdQuarters", holdQuarters, 0);
        product = Refs.product(product);
    }

    @Override
    public String type() {
        return "price_change";
    }

    @Override
    public String target() {
        return provider;
    }

    @Override
    public String parameters() {
        return "product=" + product + ";change_pct=" + Refs.fmt(changePct) + ";basis=" + basis
                + ";hold_quarters=" + holdQuarters;
    }

    @Override
    public void validate(MarketParams params) {
        Refs.known("provider", provider, params.providers(), "provider", true);
    }

    @Override
    public void applyTo(MarketControls m) {
        double factor = 1 + changePct / 100.0;
        for (int j : m.providersMatching(provider)) {
            m.changePrice(j, product, factor, basis.equals("cost"), holdQuarters);
        }
    }

    @Override
    public MarketEvent withMagnitude(String field, double value) {
        if (field.equals("changePct")) {
            return new PriceChange(provider, product, value, basis, holdQuarters);
        }
        return MarketEvent.super.withMagnitude(field, value);
    }
}
