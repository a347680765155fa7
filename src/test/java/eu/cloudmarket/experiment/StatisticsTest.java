package eu.cloudmarket.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.engine.random.RandomStream;
import eu.cloudmarket.engine.random.RandomStreams;
import org.junit.jupiter.api.Test;

class StatisticsTest {
    @Test
    void studentTIntervalsCoverTheTrueMeanAboutNinetyFivePercentOfTheTime() {
        RandomStream rng = new RandomStreams(20250101L, 0).open("statistics-coverage-test");
        double mu = 5;
        double sigma = 2;
        int samples = 2000;
        int covered = 0;
        for (int s = 0; s < samples; s++) {
            double[] x = new double[10];
            for (int i = 0; i < x.length; i++) {
                x[i] = mu + sigma * rng.nextGaussian();
            }
            Summary sum = Statistics.summarise(x);
            if (sum.ciLow() <= mu && mu <= sum.ciHigh()) {
                covered++;
            }
        }
        double coverage = 100.0 * covered / samples;
        assertTrue(Math.abs(coverage - 95) <= 2.5, "coverage " + coverage + "% should be 95% +- 2.5 pp");
    }

    @Test
    void pairedDifferencesCoverTheTrueDifferenceUnderCommonRandomNumbers() {
        RandomStream rng = new RandomStreams(7, 0).open("paired-coverage-test");
        int covered = 0;
        int samples = 2000;
        for (int s = 0; s < samples; s++) {
            double[] ref = new double[10];
            double[] x = new double[10];
            for (int i = 0; i < 10; i++) {
                double common = 3 * rng.nextGaussian();
                ref[i] = 1 + common + 0.5 * rng.nextGaussian();
                x[i] = 1.4 + common + 0.5 * rng.nextGaussian();
            }
            Summary d = Statistics.paired(x, ref);
            if (d.ciLow() <= 0.4 && 0.4 <= d.ciHigh()) {
                covered++;
            }
        }
        double coverage = 100.0 * covered / samples;
        assertTrue(Math.abs(coverage - 95) <= 2.5, "paired coverage " + coverage + "%");
    }

    @Test
    void summaryMatchesHandComputedValues() {
        Summary s = Statistics.summarise(new double[] {1, 2, 3, 4, Double.NaN});
        assertEquals(4, s.n());
        assertEquals(2.5, s.mean(), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3), s.sd(), 1e-12);
        double half = 3.182446305284263 * s.sd() / 2; // t(0.975, 3)
        assertEquals(2.5 - half, s.ciLow(), 1e-8);
        assertEquals(2.5 + half, s.ciHigh(), 1e-8);
        assertEquals(2.262157162740992, Statistics.tQuantile(9), 1e-8);
        Summary one = Statistics.summarise(new double[] {3});
        assertEquals(1, one.n());
        assertEquals(3, one.mean());
        assertTrue(Double.isNaN(one.sd()) && Double.isNaN(one.ciLow()));
        assertEquals(0, Statistics.summarise(new double[] {Double.NaN}).n());
        Summary d = Statistics.paired(new double[] {2, 3, Double.NaN}, new double[] {1, 1, 1});
        assertEquals(2, d.n());
        assertEquals(1.5, d.mean(), 1e-12);
    }
}
