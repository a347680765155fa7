package eu.cloudmarket.model;

/**
 * One provider's state and results in one quarter. Money in EUR bn per quarter (profit: revenue less marginal cost of
 * the load; capital cost: depreciation of the installed capacity at replacement cost); prices are indices (EUR per unit of
 * workload, 1.0 = reference); capacity and load in workload units (EUR bn per quarter at reference prices).
 */
public record ProviderQuarter(
        String provider,
        double priceGeneral,
        double priceAi,
        double marginalCostGeneral,
        double marginalCostAi,
        double revenueGeneral,
        double revenueAi,
        double revenueShare,
        int customers,
        double capacityGeneral,
        double capacityAi,
        double loadGeneral,
        double loadAi,
        double profit,
        double capitalCost,
        double shadowPriceGeneral,
        double shadowPriceAi,
        double[] gpuDeliveredByTier,
        double[] aiCapacityByTier,
        int switchedIn,
        int switchedOut,
        double rationedWorkload) {

    public ProviderQuarter {
        gpuDeliveredByTier = gpuDeliveredByTier.clone();
        aiCapacityByTier = aiCapacityByTier.clone();
    }

    public double revenue() {
        return revenueGeneral + revenueAi;
    }

    /** Producer surplus: operating profit less the capital cost of the capacity ({@code CostModel#capitalCost}). */
    public double producerSurplus() {
        return profit - capitalCost;
    }

    public double utilisationGeneral() {
        return capacityGeneral > 0 ? loadGeneral / capacityGeneral : 0;
    }

    public double utilisationAi() {
        return capacityAi > 0 ? loadAi / capacityAi : 0;
    }

    public double margin() {
        double r = revenue();
        return r > 0 ? profit / r : 0;
    }

    @Override
    public double[] gpuDeliveredByTier() {
        return gpuDeliveredByTier.clone();
    }

    @Override
    public double[] aiCapacityByTier() {
        return aiCapacityByTier.clone();
    }
}
