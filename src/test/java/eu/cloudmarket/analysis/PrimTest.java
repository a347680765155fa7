package eu.cloudmarket.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.engine.random.RandomStream;
import eu.cloudmarket.engine.random.RandomStreams;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PRIM on synthetic data whose outcome is true exactly in a known box. */
class PrimTest {
    private static final List<String> DIMS = List.of("a", "b", "c", "d");

    /** Uniform points on [0, 1]⁴; y = a ∈ [0.2, 0.6] and b ∈ [0.5, 0.9] (16 % of the points). */
    @Test
    void recoversAKnownBox() {
        int n = 3000;
        double[][] x = uniform(n, 1);
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[i][0] >= 0.2 && x[i][0] <= 0.6 && x[i][1] >= 0.5 && x[i][1] <= 0.9;
        }
        PrimResult r = Prim.run(DIMS, x, y, new Prim.Settings(0.05, 0.05, 0.05, 0.9));
        PrimBox box = r.box();
        assertEquals(0.2, box.lower()[0], 0.03);
        assertEquals(0.6, box.upper()[0], 0.03);
        assertEquals(0.5, box.lower()[1], 0.03);
        assertEquals(0.9, box.upper()[1], 0.03);
        assertTrue(box.density() >= 0.9, "density " + box.density());
        assertTrue(box.coverage() >= 0.85, "coverage " + box.coverage());
        assertTrue(r.quasiP()[0] < 1e-6 && r.quasiP()[1] < 1e-6, "restrictions on a and b are significant");
        for (int j = 2; j < 4; j++) {
            boolean loose = box.lower()[j] < 0.05 && box.upper()[j] > 0.95;
            assertTrue(loose, "c and d barely restricted: " + box.lower()[j] + ".." + box.upper()[j]);
        }
        assertEquals(0, r.peeling().get(0).restricted());
        assertEquals(1.0, r.peeling().get(0).coverage());
        for (int i = 1; i < r.peeling().size(); i++) {
            assertTrue(r.peeling().get(i).mass() < r.peeling().get(i - 1).mass(), "each peel removes points");
            assertTrue(r.peeling().get(i).mass() >= 0.05, "no box below the minimum mass");
        }
    }

    /** With 10 % of the labels flipped at random, the box is still found, less sharply. */
    @Test
    void recoversTheBoxThroughLabelNoise() {
        int n = 4000;
        double[][] x = uniform(n, 2);
        RandomStream noise = new RandomStreams(2, 0).open("prim-test-noise");
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean in = x[i][0] >= 0.2 && x[i][0] <= 0.6 && x[i][1] >= 0.5 && x[i][1] <= 0.9;
            y[i] = noise.nextDouble() < 0.1 != in;
        }
        PrimResult r = Prim.run(DIMS, x, y, new Prim.Settings(0.05, 0.05, 0.05, 0.7));
        PrimBox box = r.box();
        assertEquals(0.2, box.lower()[0], 0.06);
        assertEquals(0.6, box.upper()[0], 0.06);
        assertEquals(0.5, box.lower()[1], 0.06);
        assertEquals(0.9, box.upper()[1], 0.06);
        assertTrue(box.density() >= 0.7, "density " + box.density());
    }

    /** The quasi-p-value against a direct sum of binomial probabilities. */
    @Test
    void binomialUpperTailMatchesADirectSum() {
        int trials = 40;
        double p = 0.3;
        for (int k = 0; k <= trials; k++) {
            double direct = 0;
            for (int m = k; m <= trials; m++) {
                direct += org.apache.commons.math3.util.CombinatoricsUtils.binomialCoefficientDouble(trials, m)
                        * Math.pow(p, m) * Math.pow(1 - p, trials - m);
            }
            assertEquals(direct, Prim.binomialUpperTail(k, trials, p), 1e-12, "k = " + k);
        }
    }

    private static double[][] uniform(int n, long seed) {
        RandomStream s = new RandomStreams(seed, 0).open("prim-test-points");
        double[][] x = new double[n][4];
        for (double[] row : x) {
            for (int j = 0; j < 4; j++) {
                row[j] = s.nextDouble();
            }
        }
        return x;
    }
}
