package eu.cloudmarket.model;

import eu.cloudmarket.model.params.MarketParams;

/**
 * The regulatory and trade state: which providers serve and may serve each country, export rules and counter-guidance
 * on chips, and each provider's standing in investment screening.
 */
final class Regulation {
    /** [country][provider]: first quarter the provider may serve the country again. */
    final int[][] excludedUntil;
    /** [country][provider]: the provider has a presence (region, partner capacity) serving that country. */
    final boolean[][] serves;
    /** [country][provider]: an excluded provider's installed customers may stay. */
    final boolean[][] incumbentsStay;
    /** [tier][origin]: probability that an export licence is granted in a quarter. */
    final double[][] licenceProb;
    /** [tier][origin]: export levy as a share of the chip cost. */
    final double[][] levy;
    /** [origin]: share of foreign chips its providers refuse under counter-guidance. */
    final double[] refusal;
    /** [provider]: the screening decision that stands for its greenfield builds, or null before any. */
    final ScreeningOutcome[] screeningStanding;
    /**
     * [segment]: a procurement rule's largest US and Chinese exposure a provider may have to win the segment's
     * contracts (infinite: no rule), and the first quarter the rule no longer applies.
     */
    final double[] procurementMaxUs;
    final double[] procurementMaxCn;
    final int[] procurementUntil;
    /** [segment]: under the rule, installed customers of an ineligible provider may renew with it. */
    final boolean[] procurementIncumbentsStay;

    Regulation(Roster r, MarketParams params) {
        int origins = Origin.values().length;
        excludedUntil = new int[r.nC][r.nP];
        serves = new boolean[r.nC][r.nP];
        for (int c = 0; c < r.nC; c++) {
            for (int j = 0; j < r.nP; j++) {
                serves[c][j] = r.pp[j].servesAllCountries() || r.pp[j].countries().contains(r.countryId(c));
            }
        }
        incumbentsStay = new boolean[r.nC][r.nP];
        licenceProb = new double[r.nT][origins];
        levy = new double[r.nT][origins];
        for (double[] row : licenceProb) {
            java.util.Arrays.fill(row, 1.0);
        }
        for (MarketParams.ExportRule rule : params.exportControls()) {
            int t = r.tierIndex(rule.tier());
            licenceProb[t][rule.targetOrigin().ordinal()] = rule.licenceProbability();
            levy[t][rule.targetOrigin().ordinal()] = rule.levy();
        }
        refusal = new double[origins];
        screeningStanding = new ScreeningOutcome[r.nP];
        procurementMaxUs = new double[r.nG];
        procurementMaxCn = new double[r.nG];
        procurementUntil = new int[r.nG];
        procurementIncumbentsStay = new boolean[r.nG];
        java.util.Arrays.fill(procurementMaxUs, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(procurementMaxCn, Double.POSITIVE_INFINITY);
    }

    /** Provider j may be chosen in country c in the given quarter. */
    boolean available(int c, int j, int quarter) {
        return serves[c][j] && excludedUntil[c][j] <= quarter;
    }

    /**
     * Segment g's procurement rule (if any applies in the quarter) lets it contract with a provider of the given
     * exposures to US and Chinese jurisdiction.
     */
    boolean eligible(int g, double exposureUs, double exposureCn, int quarter) {
        return quarter >= procurementUntil[g]
                || (exposureUs <= procurementMaxUs[g] && exposureCn <= procurementMaxCn[g]);
    }

    /** A screening block stands against provider j's greenfield builds. */
    boolean isBlocked(int j) {
        return screeningStanding[j] != null && screeningStanding[j].blocks();
    }
}
