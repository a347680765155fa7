package eu.cloudmarket.model.events;

import eu.cloudmarket.model.MarketControls;
import eu.cloudmarket.model.params.Check;
import eu.cloudmarket.model.params.MarketParams;

/**
 * E7: a foreign-headquartered provider launches a sovereign offer (AWS European Sovereign Cloud, GA Jan 2026 [S68];
 * Microsoft EU Data Boundary [S57]). Its jurisdiction exposure falls by a share and its marginal cost rises by a
 * premium.
 *
 * @param provider          provider id
 * @param exposureReduction share of the exposure removed, in [0, 1] (0.5 = half credit, an assumption)
 * @param costPremium       relative increase of marginal cost, >= 0
 */
public record SovereignOfferLaunch(String provider, double exposureReduction, double costPremium)
        implements MarketEvent {
    public SovereignOfferLaunch {
        Check.range("exposureReduction", exposureReduction, 0, 1);
        Check.nonNegative("costPremium", costPremium);
    }

    @Override
    public String type() {
        return "sovereign_offer_launch";
    }

    @Override
    public String target() {
        return provider;
    }

    @Override
    public String parameters() {
        return "exposure_reduction=" + Refs.fmt(exposureReduction) + ";cost_premium=" + Refs.fmt(costPremium);
    }

    @Override
    public void validate(MarketParams params) {
        Refs.known("provider", provider, params.providers(), "provider", false);
    }

    @Override
    public void applyTo(MarketControls m) {
        m.launchSovereignOffer(m.providerIndex(provider), exposureReduction, costPremium);
    }

    @Override
    public MarketEvent withMagnitude(String field, double value) {
        if (field.equals("exposureReduction")) {
            return new SovereignOfferLaunch(provider, value, costPremium);
        }
        return MarketEvent.super.withMagnitude(field, value);
    }
}
