package eu.cloudmarket.model;

/**
 * The quarter's price setting: each provider applies its pricing rule to its costs and, for rules that need it, to
 * its best response against the demand of the quarter's renewing buyers ({@link DemandModel}); prices never go below
 * marginal cost, and a provider holding a list-price change keeps its prices. All providers move at once.
 */
final class PriceSetting {
    private final Roster roster;
    private final ProviderState providers;
    private final CostModel costs;
    private final DemandModel demand;
    private final PricingRule[] rules;
    private final QuarterState quarter;
    /** The technology index at the last price setting (1 before the first). */
    private double lastTechIndex = 1.0;

    PriceSetting(Roster roster, ProviderState providers, CostModel costs, DemandModel demand, QuarterState quarter) {
        this.roster = roster;
        this.quarter = quarter;
        this.providers = providers;
        this.costs = costs;
        this.demand = demand;
        rules = new PricingRule[roster.nP];
        for (int j = 0; j < roster.nP; j++) {
            rules[j] = PricingRule.of(roster.pp[j].pricing());
        }
    }

    /** Sets every provider's prices for quarter k (and its shadow prices of capacity). */
    void setPrices(int k) {
        int nP = roster.nP;
        demand.collectRenewals(false);
        double[] newGen = new double[nP];
        double[] newAi = new double[nP];
        double growth = quarter.techIndex() / lastTechIndex;
        lastTechIndex = quarter.techIndex();
        for (int j = 0; j < nP; j++) {
            double cg = costs.costGen(j);
            double ca = costs.costAi(j);
            if (providers.holdThrough[j] >= k) {
                newGen[j] = providers.priceGen[j];
                newAi[j] = providers.priceAi[j];
                continue;
            }
            double brGen = Double.NaN;
            double brAi = Double.NaN;
            if (rules[j].needsBestResponse()) {
                double[] br = demand.bestResponse(j, cg, ca);
                if (br != null) {
                    brGen = br[0];
                    brAi = br[1];
                    providers.shadowGen[j] = br[2];
                    providers.shadowAi[j] = br[3];
                }
            } else {
                double markup = roster.pp[j].pricing().markup();
                double[] sh = demand.shadowPrices(j, cg * (1 + markup), ca * (1 + markup));
                providers.shadowGen[j] = sh[0];
                providers.shadowAi[j] = sh[1];
            }
            newGen[j] = Math.max(cg, rules[j].nextPrice(providers.priceGen[j], brGen, cg, growth));
            newAi[j] = Math.max(ca, rules[j].nextPrice(providers.priceAi[j], brAi, ca, growth));
        }
        System.arraycopy(newGen, 0, providers.priceGen, 0, nP);
        System.arraycopy(newAi, 0, providers.priceAi, 0, nP);
    }
}
