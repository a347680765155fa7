package eu.cloudmarket.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Morris trajectories and elementary effects on functions whose effects are known in closed form. */
class MorrisAnalyzerTest {
    private static final List<Parameter> PARAMS = List.of(new Parameter("a", 0, 1), new Parameter("b", -2, 3),
            new Parameter("c", 10, 14), new Parameter("d", 0, 1));

    /**
     * y = Σ c_i x_i: every elementary effect of parameter i (per unit of its range) is c_i (max_i − min_i), so
     * μ = that, μ* = |that| and σ = 0; parameter d has no effect.
     */
    @Test
    void linearFunctionHasConstantEffects() {
        double[] coef = {2.5, -1.5, 0.75, 0};
        List<MorrisIndex> idx = analyse(x -> {
            double s = 0;
            for (int i = 0; i < coef.length; i++) {
                s += coef[i] * x[i];
            }
            return s;
        }, 30, 4, 9);
        for (int i = 0; i < coef.length; i++) {
            double ee = coef[i] * (PARAMS.get(i).max() - PARAMS.get(i).min());
            MorrisIndex m = idx.get(i);
            assertEquals(ee, m.mu(), 1e-9, "mu of " + m.parameter());
            assertEquals(Math.abs(ee), m.muStar(), 1e-9, "mu_star of " + m.parameter());
            assertEquals(0, m.sigma(), 1e-9, "sigma of " + m.parameter());
            assertEquals(0, m.muStarConf(), 1e-9, "mu_star_conf of " + m.parameter());
        }
    }

    /**
     * y = u_a² on the unit scale: an elementary effect from u to u + Δ is ((u + Δ)² − u²)/Δ = 2u + Δ, so with the
     * base levels equally likely μ* is the mean of 2u + Δ over them; here p = 4, Δ = 2/3, u ∈ {0, 1/3}: μ* = 1, and
     * the effects 2/3 and 4/3 give σ > 0. With 400 trajectories μ* is within a few of its half-widths of 1.
     */
    @Test
    void quadraticFunctionHasSpreadEffects() {
        List<MorrisIndex> idx = analyse(x -> x[0] * x[0], 400, 4, 2);
        MorrisIndex a = idx.get(0);
        assertEquals(1.0, a.muStar(), 4 * a.muStarConf() + 1e-12);
        assertTrue(a.muStarConf() > 0 && a.muStarConf() < 0.1, "conf " + a.muStarConf());
        assertEquals(1.0 / 3, a.sigma(), 0.03, "sd of {2/3, 4/3} equally likely");
        assertEquals(0, idx.get(1).muStar(), 1e-12);
    }

    @Test
    void trajectoriesMoveOneParameterByDeltaOnTheGrid() {
        double[][] x = MorrisSampler.sample(PARAMS, 20, 6, 4);
        int d = PARAMS.size();
        double delta = MorrisSampler.delta(6);
        for (int t = 0; t < 20; t++) {
            boolean[] moved = new boolean[d];
            for (int k = 1; k <= d; k++) {
                double[] before = x[t * (d + 1) + k - 1];
                double[] after = x[t * (d + 1) + k];
                int changed = 0;
                for (int i = 0; i < d; i++) {
                    double du = PARAMS.get(i).unit(after[i]) - PARAMS.get(i).unit(before[i]);
                    if (du != 0) {
                        changed++;
                        moved[i] = true;
                        assertEquals(delta, Math.abs(du), 1e-12);
                    }
                    double level = PARAMS.get(i).unit(after[i]) * 5;
                    assertEquals(Math.rint(level), level, 1e-9, "on the 6-level grid");
                }
                assertEquals(1, changed);
            }
            for (boolean m : moved) {
                assertTrue(m);
            }
        }
    }

    @Test
    void oddLevelsAndBrokenTrajectoriesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> MorrisSampler.sample(PARAMS, 4, 5, 1));
        double[][] x = MorrisSampler.sample(PARAMS, 4, 4, 1);
        x[2] = x[1].clone();
        double[] y = new double[x.length];
        MorrisAnalyzer.BadTrajectory e = assertThrows(MorrisAnalyzer.BadTrajectory.class,
                () -> MorrisAnalyzer.analyze(PARAMS, x, y, 10, 1));
        assertEquals(2, e.row);
    }

    private static List<MorrisIndex> analyse(ToDoubleFunction<double[]> f, int r, int levels, long seed) {
        double[][] x = MorrisSampler.sample(PARAMS, r, levels, seed);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f.applyAsDouble(x[i]);
        }
        return MorrisAnalyzer.analyze(PARAMS, x, y, 500, seed);
    }
}
