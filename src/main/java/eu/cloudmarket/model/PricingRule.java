package eu.cloudmarket.model;

import eu.cloudmarket.model.params.PricingParams;

/**
 * A provider's pricing behaviour (domain.md §2.4): static Nash best response, partial adjustment toward it
 * (bounded rationality), or a fixed markup over cost.
 */
public interface PricingRule {
    /**
     * Next price of one product.
     *
     * @param current      current list price
     * @param bestResponse best-response price against rivals' current prices (NaN if demand is empty)
     * @param marginalCost current marginal cost
     */
    double nextPrice(double current, double bestResponse, double marginalCost);

    /** Whether the rule needs the best response (the others skip computing it). */
    boolean needsBestResponse();

    static PricingRule of(PricingParams p) {
        return switch (p.rule()) {
            case NASH -> new PricingRule() {
                @Override
                public double nextPrice(double current, double br, double c) {
                    return Double.isNaN(br) ? current : br;
                }

                @Override
                public boolean needsBestResponse() {
                    return true;
                }
            };
            case ADJUST -> new PricingRule() {
                @Override
                public double nextPrice(double current, double br, double c) {
                    return Double.isNaN(br) ? current : current + p.speed() * (br - current);
                }

                @Override
                public boolean needsBestResponse() {
                    return true;
                }
            };
            case MARKUP -> new PricingRule() {
                @Override
                public double nextPrice(double current, double br, double c) {
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
