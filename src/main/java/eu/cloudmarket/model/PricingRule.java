package eu.cloudmarket.model;

import eu.cloudmarket.model.params.PricingParams;

/**
 * A provider's pricing behaviour (domain.md §2.4): static Nash best response, partial adjustment toward it
 * (bounded rationality), or a fixed markup over cost.
 *
 * <p>Partial adjustment works in real terms: last quarter's price is first carried forward by the quarter's
 * technology growth T(k)/T(k−1) (the trend every cost and every buyer's price deflator follows), and then moves the
 * share λ of the gap to the best response. A market that is stationary in real terms therefore converges to the
 * Nash prices; adjusting the nominal price instead would chase a best response that falls with the cost trend and
 * settle λg/(g − 1 + λ) − 1 above it (5 % at λ = 0.3 and −8 %/yr).
 */
public interface PricingRule {
    /**
     * Next price of one product.
     *
     * @param current      current list price
     * @param bestResponse best-response price against rivals' current prices (NaN if demand is empty)
     * @param marginalCost current marginal cost
     * @param trendGrowth  the quarter's technology growth T(k)/T(k−1), which carries a price forward in real terms
     */
    double nextPrice(double current, double bestResponse, double marginalCost, double trendGrowth);

    /** Whether the rule needs the best response (the others skip computing it). */
    boolean needsBestResponse();

    static PricingRule of(PricingParams p) {
        return switch (p.rule()) {
            case NASH -> new PricingRule() {
                @Override
                public double nextPrice(double current, double br, double c, double g) {
                    return Double.isNaN(br) ? current : br;
                }

                @Override
                public boolean needsBestResponse() {
                    return true;
                }
            };
            case ADJUST -> new PricingRule() {
                @Override
                public double nextPrice(double current, double br, double c, double g) {
                    if (Double.isNaN(br)) {
                        return current;
                    }
                    double carried = current * g;
                    return carried + p.speed() * (br - carried);
                }

                @Override
                public boolean needsBestResponse() {
                    return true;
                }
            };
            case MARKUP -> new PricingRule() {
                @Override
                public double nextPrice(double current, double br, double c, double g) {
                    return c * (1 + p.markup());
                }

                @Override
                public boolean needsBestResponse() {
                    return false;
                }
            };
        };
    }
}
