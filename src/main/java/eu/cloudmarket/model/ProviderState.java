package eu.cloudmarket.model;

/**
 * What each provider offers and what it costs: quality, list prices, cost bases, sovereignty exposures, switching
 * frictions, price holds and the shadow prices of binding capacity. Arrays indexed by provider; pricing, the cost
 * model and the scenario events write them.
 */
final class ProviderState {
    /** Quality δ_j, calibrated at the start. */
    final double[] delta;
    final double[] priceGen;
    final double[] priceAi;
    final double[] baseCostGen;
    final double[] baseCostAi;
    final double[] costMultGen;
    final double[] costMultAi;
    /** Exposure to US and Chinese jurisdiction (1 for a provider of that origin, reduced by sovereign offers). */
    final double[] expUs;
    final double[] expCn;
    final double[] egress;
    final double[] wedge;
    final double[] techMult;
    /** Last quarter through which a list-price change holds the price (-1: none). */
    final int[] holdThrough;
    final double[] shadowGen;
    final double[] shadowAi;

    ProviderState(Roster r) {
        int nP = r.nP;
        delta = new double[nP];
        priceGen = new double[nP];
        priceAi = new double[nP];
        baseCostGen = new double[nP];
        baseCostAi = new double[nP];
        costMultGen = new double[nP];
        costMultAi = new double[nP];
        expUs = new double[nP];
        expCn = new double[nP];
        egress = new double[nP];
        wedge = new double[nP];
        techMult = new double[nP];
        holdThrough = new int[nP];
        shadowGen = new double[nP];
        shadowAi = new double[nP];
        for (int j = 0; j < nP; j++) {
            var pp = r.pp[j];
            priceGen[j] = pp.general().price();
            priceAi[j] = pp.ai().price();
            baseCostGen[j] = pp.general().marginalCost();
            baseCostAi[j] = pp.ai().marginalCost();
            costMultGen[j] = 1;
            costMultAi[j] = 1;
            expUs[j] = r.origin[j] == Origin.US ? 1 : 0;
            expCn[j] = r.origin[j] == Origin.CN ? 1 : 0;
            egress[j] = pp.egressLevel();
            wedge[j] = pp.licensingWedge();
            techMult[j] = 1;
            holdThrough[j] = -1;
        }
    }

    double techMult(int j) {
        return techMult[j];
    }

    double egress(int j) {
        return egress[j];
    }

    double wedge(int j) {
        return wedge[j];
    }

    /** Copies the current list prices into the given arrays. */
    void copyPrices(double[] gen, double[] ai) {
        System.arraycopy(priceGen, 0, gen, 0, priceGen.length);
        System.arraycopy(priceAi, 0, ai, 0, priceAi.length);
    }
}
