package eu.cloudmarket.model.events;

import eu.cloudmarket.model.MarketControls;
import eu.cloudmarket.model.params.Check;
import eu.cloudmarket.model.params.MarketParams;

/**
 * E12: a provider is excluded from a country's market (no new Alibaba UK site after the US–UK Tech Prosperity Deal
 * [S51][S59]). New buyers in that country can no longer choose it; installed customers may stay with it
 * ({@code incumbentsStay: true}, the UK case: existing London zones remain) or must leave at their next renewal.
 *
 * @param country          country id
 * @param provider         provider id
 * @param durationQuarters how long the exclusion lasts, >= 0 (0 = permanent)
 * @param incumbentsStay   whether installed customers may renew with the excluded provider
 */
public record MarketAccessExclusion(String country, String provider, int durationQuarters, boolean incumbentsStay)
        implements MarketEvent {
    public MarketAccessExclusion {
        Check.atLeast("durationQuarters", durationQuarters, 0);
    }

    @Override
    public String type() {
        return "market_access_exclusion";
    }

    @Override
    public String target() {
        return provider + "@" + country;
    }

    @Override
    public String parameters() {
        return "country=" + country + ";duration_quarters=" + durationQuarters + ";incumbents_stay=" + incumbentsStay;
    }

    @Override
    public void validate(MarketParams params) {
        Refs.known("country", country, params.countries(), "country", false);
        Refs.known("provider", provider, params.providers(), "provider", false);
    }

    @Override
    public void applyTo(MarketControls m) {
        m.exclude(m.countryIndex(country), m.providerIndex(provider), durationQuarters, incumbentsStay);
    }
}
