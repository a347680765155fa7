package eu.cloudmarket.model;

/**
 * Consumer welfare of one quarter by segment, EUR bn per quarter (see {@link Welfare} for the definitions). The change
 * since the reference (first) quarter splits exactly into a price part, a choice-set and quality part and a
 * switching-cost part: {@code surplus − reference surplus = priceChange + choiceChange + switchingChange}.
 *
 * @param surplus         [segment] consumer surplus: gross surplus less the switching costs paid this quarter
 * @param gross           [segment] Σ_i compensating variation of buyer i's choice set at the prices it pays
 * @param switchingPaid   [segment] switching costs paid by the buyers who moved this quarter
 * @param priceChange     [segment] gross surplus now less gross surplus now at the reference quarter's list prices
 * @param choiceChange    [segment] gross surplus now at the reference prices less the reference gross surplus: choice
 *                        sets, qualities, tastes, the outside option and the market's size
 * @param switchingChange [segment] minus the change of the switching costs paid since the reference quarter
 * @param workload        [segment] base workload of the segment's buyers (the weights q_i of the surplus), EUR bn per
 *                        quarter at reference prices
 */
public record ConsumerWelfare(double[] surplus, double[] gross, double[] switchingPaid, double[] priceChange,
        double[] choiceChange, double[] switchingChange, double[] workload) {
    public ConsumerWelfare {
        surplus = surplus.clone();
        gross = gross.clone();
        switchingPaid = switchingPaid.clone();
        priceChange = priceChange.clone();
        choiceChange = choiceChange.clone();
        switchingChange = switchingChange.clone();
        workload = workload.clone();
    }

    /** Segment g's change of consumer surplus since the reference quarter (the sum of its three parts). */
    public double totalChange(int g) {
        return priceChange[g] + choiceChange[g] + switchingChange[g];
    }

    @Override
    public double[] surplus() {
        return surplus.clone();
    }

    @Override
    public double[] gross() {
        return gross.clone();
    }

    @Override
    public double[] switchingPaid() {
        return switchingPaid.clone();
    }

    @Override
    public double[] priceChange() {
        return priceChange.clone();
    }

    @Override
    public double[] choiceChange() {
        return choiceChange.clone();
    }

    @Override
    public double[] switchingChange() {
        return switchingChange.clone();
    }

    @Override
    public double[] workload() {
        return workload.clone();
    }
}
