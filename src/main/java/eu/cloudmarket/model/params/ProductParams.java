package eu.cloudmarket.model.params;

/**
 * One product line of a provider (general compute or AI/GPU compute).
 *
 * @param price              initial list price, price index (EUR per unit of workload; 1.0 = reference), >= 0
 * @param marginalCost       initial marginal cost in the same unit, >= 0 and below the price ceiling
 * @param initialUtilisation share of initial capacity used by the initial customers, in (0, 1]; sets capacity
 */
public record ProductParams(double price, double marginalCost, double initialUtilisation) {
    public ProductParams {
        Check.nonNegative("price", price);
        Check.nonNegative("marginalCost", marginalCost);
        Check.range("initialUtilisation", initialUtilisation, 1e-6, 1.0);
    }
}
