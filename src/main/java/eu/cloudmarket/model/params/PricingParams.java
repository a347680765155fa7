package eu.cloudmarket.model.params;

/**
 * How a provider sets its prices each quarter.
 *
 * @param rule   {@code nash}: best response to rivals' current prices against the provider's expected demand;
 *               {@code adjust}: partial adjustment toward that best response with speed {@code speed};
 *               {@code markup}: fixed markup over marginal cost
 * @param speed  λ in (0, 1], share of the gap to the best response closed per quarter (rule {@code adjust})
 * @param markup markup over marginal cost, >= 0 (rule {@code markup}), e.g. 0.5 = price 1.5 × cost
 */
public record PricingParams(PricingRuleKind rule, double speed, double markup) {
    public PricingParams {
        Check.required("rule", rule);
        Check.range("speed", speed, 1e-9, 1.0);
        Check.nonNegative("markup", markup);
    }

    /** The closed set of pricing rules. */
    public enum PricingRuleKind {
        NASH,
        ADJUST,
        MARKUP;

        public static PricingRuleKind parse(String s) {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }
}
