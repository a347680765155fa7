package eu.cloudmarket.model.events;

import eu.cloudmarket.model.MarketControls;
import eu.cloudmarket.model.ScreeningOutcome;
import eu.cloudmarket.model.params.Check;
import eu.cloudmarket.model.params.MarketParams;

/**
 * E5: an investment-screening decision on a provider's greenfield capacity in a host country. The review starts when
 * the event fires and the decision lands {@code reviewQuarters} later: {@code approve} releases the provider's
 * pending builds, {@code condition} releases them with a cost premium, {@code block} cancels them and forces the lease
 * route for the provider's future capacity (revised EU FDI regulation [S64]; UK CNI [S58]): with
 * {@code leaseFallback} the blocked capacity is leased instead (dearer, after the lease lead time); without it the
 * blocked capacity, and the country entry it carried, are lost ("a block forces the lease route or exit").
 *
 * @param provider       provider id (the investor)
 * @param country        host country id
 * @param outcome        approve, condition or block
 * @param reviewQuarters quarters until the decision, >= 0 (phase 1 = 45 days ≈ 0.5 quarter)
 * @param leaseFallback  on a block, whether the blocked capacity is leased instead (default true)
 */
public record InvestmentScreening(String provider, String country, String outcome, double reviewQuarters,
        boolean leaseFallback) implements MarketEvent {
    public InvestmentScreening {
        if (outcome == null || !(outcome.equals("approve") || outcome.equals("condition") || outcome.equals("block"))) {
            throw new IllegalArgumentException("outcome: must be approve, condition or block, was '" + outcome + "'");
        }
        Check.nonNegative("reviewQuarters", reviewQuarters);
    }

    @Override
    public String type() {
        return "investment_screening";
    }

    @Override
    public String target() {
        return provider;
    }

    @Override
    public String parameters() {
        return "country=" + country + ";outcome=" + outcome + ";review_quarters=" + Refs.fmt(reviewQuarters)
                + ";lease_fallback=" + leaseFallback;
    }

    @Override
    public void validate(MarketParams params) {
        Refs.known("provider", provider, params.providers(), "provider", false);
        Refs.known("country", country, params.countries(), "country", false);
    }

    @Override
    public void applyTo(MarketControls m) {
        ScreeningOutcome decided = ScreeningOutcome.of(outcome);
        if (decided == ScreeningOutcome.BLOCK && !leaseFallback) {
            decided = ScreeningOutcome.BLOCK_EXIT;
        }
        m.screeningDecision(m.providerIndex(provider), decided, reviewQuarters);
    }
}
