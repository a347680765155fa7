package eu.cloudmarket.model.events;

import eu.cloudmarket.model.MarketControls;
import eu.cloudmarket.model.params.Check;
import eu.cloudmarket.model.params.MarketParams;

/**
 * E10: a provider leases capacity from a partner (Alibaba in Vodafone's Frankfurt site [S54]; partner-based EU entry
 * [S51b]). Leased capacity arrives after a short lead time, costs a premium, and escapes greenfield screening.
 *
 * @param provider     lessee provider id
 * @param product      general or ai
 * @param amount       capacity added, as a share of the provider's current capacity of that product, > 0
 * @param leadQuarters quarters until the capacity is available, >= 0
 * @param costPremium  extra marginal cost of the leased capacity, >= 0
 * @param country      country id the capacity opens to the provider on delivery, or null
 */
public record CapacityLease(
        String provider, String product, double amount, int leadQuarters, double costPremium, String country)
        implements MarketEvent {
    public CapacityLease {
        product = Refs.product(product);
        if (product.equals("both")) {
            throw new IllegalArgumentException("product: must be general or ai, was 'both'");
        }
        Check.positive("amount", amount);
        Check.atLeast("leadQuarters", leadQuarters, 0);
        Check.nonNegative("costPremium", costPremium);
    }

    @Override
    public String type() {
        return "capacity_lease";
    }

    @Override
    public String target() {
        return provider;
    }

    @Override
    public String parameters() {
        return "product=" + product + ";amount=" + Refs.fmt(amount) + ";lead_quarters=" + leadQuarters
                + ";cost_premium=" + Refs.fmt(costPremium) + (country == null ? "" : ";country=" + country);
    }

    @Override
    public void validate(MarketParams params) {
        Refs.known("provider", provider, params.providers(), "provider", false);
        if (country != null) {
            Refs.known("country", country, params.countries(), "country", false);
        }
    }

    @Override
    public void applyTo(MarketControls m) {
        m.orderCapacity(m.providerIndex(provider), product.equals("ai"), amount, true, leadQuarters, costPremium,
                country == null ? -1 : m.countryIndex(country));
    }

    @Override
    public MarketEvent withMagnitude(String field, double value) {
        if (field.equals("amount")) {
            return new CapacityLease(provider, product, value, leadQuarters, costPremium, country);
        }
        return MarketEvent.super.withMagnitude(field, value);
    }
}
