package eu.cloudmarket.model.events;

import eu.cloudmarket.model.MarketControls;
import eu.cloudmarket.model.params.Check;
import eu.cloudmarket.model.params.MarketParams;

/**
 * E11: a provider commits to a greenfield build or investment pledge (Microsoft UK $30bn and Nvidia 120k GPUs [S59];
 * AI gigafactories [S66]). The capacity arrives after the lead time; builds by providers whose origin is screened go
 * through investment screening first.
 *
 * @param provider     provider id
 * @param product      general or ai
 * @param amount       capacity added, as a share of the provider's current capacity of that product, > 0
 * @param leadQuarters quarters until delivery, >= 1 (4–12 for data centres, an assumption)
 * @param country      host country id the capacity opens to the provider on delivery, or null
 */
public record CapacityBuild(String provider, String product, double amount, int leadQuarters, String country)
        implements MarketEvent {
    public CapacityBuild {
        product = Refs.product(product);
        if (product.equals("both")) {
            throw new IllegalArgumentException("product: must be general or ai, was 'both'");
        }
        Check.positive("amount", amount);
        Check.atLeast("leadQuarters", leadQuarters, 1);
    }

    @Override
    public String type() {
        return "capacity_build";
    }

    @Override
    public String target() {
        return provider;
    }

    @Override
    public String parameters() {
        return "product=" + product + ";amount=" + Refs.fmt(amount) + ";lead_quarters=" + leadQuarters
                + (country == null ? "" : ";country=" + country);
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
        m.orderCapacity(m.providerIndex(provider), product.equals("ai"), amount, false, leadQuarters, 0,
                country == null ? -1 : m.countryIndex(country));
    }

    @Override
    public MarketEvent withMagnitude(String field, double value) {
        if (field.equals("amount")) {
            return new CapacityBuild(provider, product, value, leadQuarters, country);
        }
        return MarketEvent.super.withMagnitude(field, value);
    }
}
