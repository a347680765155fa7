package eu.cloudmarket.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.engine.random.RandomStreams;
import eu.cloudmarket.model.params.MarketParams;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A buyer's tastes do not depend on the timing of its renewals (issue 23): over 200,000 buyers of the historical
 * scenario, the mean κ multiplier does not depend on the renewal offset within the quarter, nor the mean data
 * intensity on the contract phase of the first renewal. Before issue 23 the offset reused the angle of the κ normal
 * (mean multiplier 1.48 in the first and last fifths of the offset range, 0.51 in the middle one: 366 standard
 * errors apart) and the first renewal the radius of the data-intensity normal (mean 0.89, 0.99 and 1.23 in the
 * first, middle and last quarter of the contract: 32 standard errors apart).
 */
class BuyerDrawsTest {
    private static final int BUYERS = 200_000;
    /** Largest difference of two group means allowed, in standard errors of the difference. */
    private static final double MAX_STANDARD_ERRORS = 4;

    /** Mean and standard error of a group of draws. */
    private static final class Group {
        private double n;
        private double sum;
        private double sumSq;

        void add(double x) {
            n++;
            sum += x;
            sumSq += x * x;
        }

        double mean() {
            return sum / n;
        }

        double variance() {
            return (sumSq - sum * sum / n) / (n - 1) / n;
        }
    }

    /** Seed of the draws; any seed will do. */
    private static final long SEED = 23;

    private static void assertSameMeans(String what, Group[] groups) {
        String means = String.format(Locale.ROOT, "%s: first %.4f (n=%.0f), middle %.4f (n=%.0f), last %.4f (n=%.0f)",
                what, groups[0].mean(), groups[0].n, groups[1].mean(), groups[1].n, groups[2].mean(), groups[2].n);
        for (int a = 0; a < groups.length; a++) {
            for (int b = a + 1; b < groups.length; b++) {
                double z = Math.abs(groups[a].mean() - groups[b].mean())
                        / Math.sqrt(groups[a].variance() + groups[b].variance());
                assertTrue(z < MAX_STANDARD_ERRORS, means + String.format(Locale.ROOT, "; groups %d and %d differ by"
                        + " %.1f standard errors", a, b, z));
            }
        }
    }

    @Test
    void tastesDoNotDependOnRenewalTiming() {
        MarketParams params = new ScenarioLoader().load(Path.of("configs/history-2017.yaml"),
                List.of("buyers.count=" + BUYERS), null).params();
        Roster roster = new Roster(params);
        Buyers b = BuyerPopulation.draw(params, roster,
                new RandomStreams(SEED, 0).key(DrawSlots.ATTRIBUTE_STREAM, 0));
        // The first, middle and last fifth of the offset range.
        Group[] byOffset = {new Group(), new Group(), new Group()};
        // The first, middle and last quarter of the first contract, in segments with contracts of 3+ quarters.
        Group[] byPhase = {new Group(), new Group(), new Group()};
        double fifth = BuyerPopulation.RENEWAL_OFFSET_SPAN / 5;
        for (int i = 0; i < b.n; i++) {
            int f = (int) (b.offset[i] / fifth);
            if (f % 2 == 0) {
                byOffset[f / 2].add(b.kappaMult[i]);
            }
            int length = roster.sp[b.segment[i]].contractQuarters();
            int q = b.renewQuarter[i];
            if (length >= 3 && (q == 0 || q == length / 2 || q == length - 1)) {
                byPhase[q == 0 ? 0 : q == length - 1 ? 2 : 1].add(b.dataIntensity[i]);
            }
        }
        assertSameMeans("κ multiplier by renewal offset", byOffset);
        assertSameMeans("data intensity by contract phase", byPhase);
    }
}
