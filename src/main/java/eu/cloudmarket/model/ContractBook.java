package eu.cloudmarket.model;

/**
 * The providers' books of contracts: by provider and segment, the number of customers, their base workload and its
 * value at the contract prices; the loads on each provider's capacity; and the quarter's switching flows and
 * rationed workload. Row {@code onPremises} of the counts and flows is the outside option.
 */
final class ContractBook {
    private final int nP;
    private final int nG;
    private final int onPremises;
    private final SegmentState segments;
    final double[][] sumQ;
    final double[][] sumQpGen;
    final double[][] sumQpAi;
    /** [provider or onPremises][segment] number of buyers. */
    final int[][] count;
    final double[] loadGen;
    final double[] loadAi;
    /** [from][to] buyers who switched this quarter (onPremises included). */
    final int[][] flows;
    /** Workload units rationed out by each provider this quarter. */
    final double[] rationed;
    /** [segment] base workload in the cloud (all providers), kept as a running sum for the adoption ceiling. */
    final double[] cloudQ;
    /** [segment] switching costs buyers paid this quarter when they moved, EUR bn (see {@link Welfare}). */
    final double[] switchingPaid;

    ContractBook(Roster r, SegmentState segments) {
        nP = r.nP;
        nG = r.nG;
        onPremises = r.nP;
        this.segments = segments;
        sumQ = new double[nP][nG];
        sumQpGen = new double[nP][nG];
        sumQpAi = new double[nP][nG];
        count = new int[nP + 1][nG];
        loadGen = new double[nP];
        loadAi = new double[nP];
        flows = new int[nP + 1][nP + 1];
        rationed = new double[nP];
        cloudQ = new double[nG];
        switchingPaid = new double[nG];
    }

    /** Adds ({@code sign} +1) or removes (-1) a buyer of segment g with workload q at contract prices to j's books. */
    void book(int j, int g, float q, float pGen, float pAi, int sign) {
        count[j][g] += sign;
        if (j == onPremises) {
            return;
        }
        double qd = q;
        cloudQ[g] += sign * qd;
        if (count[j][g] == 0) {
            // The book is empty: clear the rounding residue of the running sums, so that an empty book is exactly
            // zero (shares within a segment that all buyers left would otherwise be ratios of residues).
            sumQ[j][g] = 0;
            sumQpGen[j][g] = 0;
            sumQpAi[j][g] = 0;
        } else {
            sumQ[j][g] += sign * qd;
            sumQpGen[j][g] += sign * qd * pGen;
            sumQpAi[j][g] += sign * qd * pAi;
        }
        loadGen[j] += sign * qd * segments.genPerWorkload(g);
        loadAi[j] += sign * qd * segments.aiPerWorkload(g);
    }

    /** Recomputes the loads from the books after a change of the units per workload. */
    void recomputeLoads() {
        for (int j = 0; j < nP; j++) {
            double lg = 0;
            double la = 0;
            for (int g = 0; g < nG; g++) {
                lg += sumQ[j][g] * segments.genPerWorkload(g);
                la += sumQ[j][g] * segments.aiPerWorkload(g);
            }
            loadGen[j] = lg;
            loadAi[j] = la;
        }
    }

    double loadGen(int j) {
        return loadGen[j];
    }

    double loadAi(int j) {
        return loadAi[j];
    }

    /** Base workload of segment g's buyers in the cloud. */
    double cloudWorkload(int g) {
        double cloud = 0;
        for (int j = 0; j < nP; j++) {
            cloud += sumQ[j][g];
        }
        return cloud;
    }

    /** Customers of provider j (or on premises), over all segments. */
    int customers(int j) {
        int n = 0;
        for (int g = 0; g < nG; g++) {
            n += count[j][g];
        }
        return n;
    }

    /** Customers of provider j in segment g ({@code j} may be the on-premises index). */
    int customers(int j, int g) {
        return count[j][g];
    }

    /** Forgets the quarter's flows, rationing and switching costs (after the recorders have seen them). */
    void clearQuarter() {
        for (int[] row : flows) {
            java.util.Arrays.fill(row, 0);
        }
        java.util.Arrays.fill(rationed, 0);
        java.util.Arrays.fill(switchingPaid, 0);
    }
}
