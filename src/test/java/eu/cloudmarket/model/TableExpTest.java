package eu.cloudmarket.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The table-driven exponential and power stay within their documented relative error of {@link Math#exp} and
 * {@link Math#pow} over their whole domains: the planned choice's proof that its fast decisions equal the exact ones
 * rests on that bound.
 */
class TableExpTest {
    @Test
    void expIsWithinTheBoundOverItsWholeDomain() {
        double worst = 0;
        int points = 4_000_000;
        for (int i = 0; i <= points; i++) {
            double d = TableExp.MIN_EXP_ARG + (TableExp.MAX_EXP_ARG - TableExp.MIN_EXP_ARG) * i / points;
            worst = Math.max(worst, Math.abs(TableExp.exp(d) / Math.exp(d) - 1));
        }
        // Every cell of the table, each at its centre, its two ends and random points inside.
        SplittableRandom r = new SplittableRandom(5);
        double cell = Math.log(2) / 256;
        for (int k = -256 * 1000; k < 256 * 1000; k += 7) {
            for (double f : new double[] {-0.5, 0, 0.5, r.nextDouble(-0.5, 0.5)}) {
                double d = (k + f) * cell;
                if (d >= TableExp.MIN_EXP_ARG && d <= TableExp.MAX_EXP_ARG) {
                    worst = Math.max(worst, Math.abs(TableExp.exp(d) / Math.exp(d) - 1));
                }
            }
        }
        assertTrue(worst <= TableExp.MAX_RELATIVE_ERROR, "worst relative error " + worst);
        assertTrue(worst > 1e-11, "a table exponential this accurate would be Math.exp itself: " + worst);
    }

    @Test
    void expIsZeroBelowItsDomainAndExactAtZero() {
        assertEquals(0.0, TableExp.exp(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, TableExp.exp(-708.5));
        assertEquals(0.0, TableExp.exp(-1e6));
        assertEquals(1.0, TableExp.exp(0));
        assertEquals(1.0, TableExp.exp(-0.0));
    }

    @Test
    void powIsWithinTheBoundForNormalBasesAndExponentsUpToOne() {
        SplittableRandom r = new SplittableRandom(6);
        for (double a : new double[] {1, 0.7, 0.5, 0.3, 0.05, 0.001, r.nextDouble()}) {
            double worst = 0;
            int points = 1_000_000;
            for (int i = 0; i <= points; i++) {
                // log-uniform over the normal doubles, plus a random mantissa to reach every table cell
                double s = Math.scalb(1 + r.nextDouble(), -1022 + (int) (2045L * i / points));
                worst = Math.max(worst, Math.abs(TableExp.pow(s, a) / Math.pow(s, a) - 1));
            }
            for (double s : new double[] {Double.MIN_NORMAL, 1, Math.nextDown(2.0), 2, Double.MAX_VALUE / 2}) {
                worst = Math.max(worst, Math.abs(TableExp.pow(s, a) / Math.pow(s, a) - 1));
            }
            assertTrue(worst <= TableExp.MAX_RELATIVE_ERROR, "a " + a + ": worst relative error " + worst);
        }
    }
}
