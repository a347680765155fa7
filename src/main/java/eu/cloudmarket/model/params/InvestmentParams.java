package eu.cloudmarket.model.params;

/**
 * A provider's capacity investment rule: each quarter it orders enough capacity to bring projected utilisation back
 * to the target, by greenfield build (slower, cheaper, subject to investment screening) or lease (faster, dearer,
 * outside greenfield screening).
 *
 * @param targetUtilisation     utilisation the provider plans for, in (0, 1]
 * @param mode                  {@code build} or {@code lease}: the provider's preferred entry route for new capacity
 * @param buildLeadQuarters     quarters from decision to delivery for a greenfield build, >= 1
 * @param leaseLeadQuarters     quarters from decision to delivery for leased capacity, >= 0
 * @param leaseCostPremium      extra marginal cost of leased capacity relative to owned, >= 0 (0.15 = +15%)
 * @param depreciationPerQuarter share of capacity retired each quarter, in [0, 1)
 */
public record InvestmentParams(
        double targetUtilisation,
        String mode,
        int buildLeadQuarters,
        int leaseLeadQuarters,
        double leaseCostPremium,
        double depreciationPerQuarter) {
    public InvestmentParams {
        Check.range("targetUtilisation", targetUtilisation, 1e-6, 1.0);
        Check.required("mode", mode);
        if (!mode.equals("build") && !mode.equals("lease")) {
            throw new IllegalArgumentException("mode: must be 'build' or 'lease', was '" + mode + "'");
        }
        Check.atLeast("buildLeadQuarters", buildLeadQuarters, 1);
        Check.atLeast("leaseLeadQuarters", leaseLeadQuarters, 0);
        Check.nonNegative("leaseCostPremium", leaseCostPremium);
        Check.range("depreciationPerQuarter", depreciationPerQuarter, 0, 0.999);
    }

    public boolean prefersLease() {
        return mode.equals("lease");
    }
}
