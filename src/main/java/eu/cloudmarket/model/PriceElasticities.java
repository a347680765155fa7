package eu.cloudmarket.model;

/**
 * The own- and cross-price elasticities of one quarter's demand and the diversion ratios between providers, per
 * product ({@link Elasticities} defines the demand). Indexed [product][responding supplier][provider whose price
 * moves]; the responding supplier is a provider index or, at the provider count, the outside option (on premises).
 */
public final class PriceElasticities {
    /** The products with a list price of their own. */
    public enum Product {
        GENERAL, AI
    }

    private final double[][][] elasticity;
    private final double[][][] diversion;

    PriceElasticities(double[][][] elasticity, double[][][] diversion) {
        this.elasticity = elasticity;
        this.diversion = diversion;
    }

    /** Number of providers; {@code to = providers()} is the outside option. */
    public int providers() {
        return elasticity[0][0].length;
    }

    /**
     * The elasticity of supplier {@code to}'s demand for {@code product} with respect to provider {@code k}'s list
     * price of it: own-price if {@code to == k}, cross-price otherwise; NaN if {@code to} has no demand.
     */
    public double elasticity(Product product, int to, int k) {
        return elasticity[product.ordinal()][to][k];
    }

    /**
     * The diversion ratio from provider {@code k} to supplier {@code to}: the share of the demand that k loses when it
     * raises its price that goes to {@code to}. Over every {@code to} other than k, the outside option included, the
     * ratios sum to one; NaN for {@code to == k} and where k's demand does not respond to its price.
     */
    public double diversion(Product product, int to, int k) {
        return diversion[product.ordinal()][to][k];
    }
}
