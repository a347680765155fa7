package eu.cloudmarket.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.junit.jupiter.api.Test;

class DesignTest {
    private static List<SweepParameter> unitParameters(int d) {
        List<SweepParameter> ps = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            ps.add(SweepParameter.uniform("p" + j, "p" + j, 0, 1, false));
        }
        return ps;
    }

    @Test
    void latinHypercubeHasExactlyOnePointPerStratumInEveryDimension() {
        for (int n : new int[] {1, 7, 50, 333}) {
            SampledDesign lhs = SampledDesign.latinHypercube(unitParameters(5), n, 20250101L);
            for (int j = 0; j < 5; j++) {
                boolean[] seen = new boolean[n];
                for (int c = 0; c < n; c++) {
                    double u = lhs.point(c)[j];
                    assertTrue(u >= 0 && u < 1, "u in [0,1): " + u);
                    int stratum = (int) Math.floor(u * n);
                    assertTrue(!seen[stratum], "stratum " + stratum + " of dimension " + j + " hit twice (n=" + n
                            + ")");
                    seen[stratum] = true;
                }
            }
        }
    }

    @Test
    void latinHypercubeStrataSurviveTheMappingToParameterValues() {
        // uniform on [10, 20] with 10 samples: one value in each [10 + k, 11 + k)
        SweepParameter p = SweepParameter.uniform("x", "x", 10, 20, false);
        SampledDesign lhs = SampledDesign.latinHypercube(List.of(p, p), 10, 3);
        boolean[] seen = new boolean[10];
        for (int c = 0; c < 10; c++) {
            double v = Double.parseDouble(lhs.cell(c).get(0).text());
            int k = (int) Math.floor(v - 10);
            assertTrue(!seen[k], "interval " + k + " twice");
            seen[k] = true;
        }
    }

    /** Centred L2 discrepancy (Hickernell 1998, eq. 5.1c), computed independently of the designs. */
    static double centredL2(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        double a = Math.pow(13.0 / 12.0, d);
        double b = 0;
        for (double[] p : x) {
            double prod = 1;
            for (double u : p) {
                double z = Math.abs(u - 0.5);
                prod *= 1 + 0.5 * z - 0.5 * z * z;
            }
            b += prod;
        }
        double c = 0;
        for (double[] p : x) {
            for (double[] q : x) {
                double prod = 1;
                for (int k = 0; k < d; k++) {
                    double zi = Math.abs(p[k] - 0.5);
                    double zj = Math.abs(q[k] - 0.5);
                    prod *= 1 + 0.5 * zi + 0.5 * zj - 0.5 * Math.abs(p[k] - q[k]);
                }
                c += prod;
            }
        }
        return Math.sqrt(a - 2.0 / n * b + c / ((double) n * n));
    }

    private static double[][] points(SampledDesign d) {
        double[][] x = new double[d.cells()][];
        for (int c = 0; c < d.cells(); c++) {
            x[c] = d.point(c);
        }
        return x;
    }

    @Test
    void sobolHasLowerDiscrepancyThanRandomSampling() {
        int n = 256;
        int dim = 4;
        double sobol = centredL2(points(SampledDesign.sobol(unitParameters(dim), n)));
        for (long seed = 1; seed <= 10; seed++) {
            double random = centredL2(points(SampledDesign.random(unitParameters(dim), n, seed)));
            assertTrue(sobol < 0.5 * random, "Sobol CD2 " + sobol + " should be well below random " + random
                    + " (seed " + seed + ")");
        }
        double lhs = centredL2(points(SampledDesign.latinHypercube(unitParameters(dim), n, 1)));
        assertTrue(sobol < lhs, "Sobol " + sobol + " vs LHS " + lhs);
    }

    @Test
    void sobolPointsAreTheSobolSequenceFromTheOrigin() {
        SampledDesign s = SampledDesign.sobol(unitParameters(3), 16);
        SobolSequenceGenerator g = new SobolSequenceGenerator(3);
        for (int c = 0; c < 16; c++) {
            assertArrayEquals(g.nextVector(), s.point(c), 0.0, "point " + c);
        }
        assertArrayEquals(new double[] {0, 0, 0}, s.point(0), 0.0);
        // random access in any order gives the same points
        assertArrayEquals(s.point(5), SampledDesign.sobol(unitParameters(3), 16).point(5), 0.0);
    }

    @Test
    void randomDesignsAreReproducibleFromTheSeedAndOrderIndependent() {
        SampledDesign a = SampledDesign.random(unitParameters(2), 20, 42);
        SampledDesign b = SampledDesign.random(unitParameters(2), 20, 42);
        SampledDesign c = SampledDesign.random(unitParameters(2), 20, 43);
        assertArrayEquals(a.point(19), b.point(19), 0.0);
        for (int k = 0; k < 20; k++) {
            assertArrayEquals(a.point(k), b.point(k), 0.0);
        }
        assertNotEquals(a.point(3)[0], c.point(3)[0]);
        SampledDesign l1 = SampledDesign.latinHypercube(unitParameters(2), 20, 42);
        SampledDesign l2 = SampledDesign.latinHypercube(unitParameters(2), 20, 42);
        assertEquals(l1.cell(7), l2.cell(7));
    }

    @Test
    void gridCellsAreNestedLoopsWithTheLastParameterFastest() {
        SweepParameter a = SweepParameter.values("a", "a", List.of(ParameterValue.integer(1),
                ParameterValue.integer(2)));
        SweepParameter b = SweepParameter.values("b", "b", List.of(ParameterValue.number(0.1),
                ParameterValue.number(0.2), ParameterValue.number(0.3)));
        GridDesign g = new GridDesign(List.of(a, b));
        assertEquals(6, g.cells());
        assertEquals(List.of("1", "0.1"), g.cell(0).stream().map(ParameterValue::text).toList());
        assertEquals(List.of("1", "0.2"), g.cell(1).stream().map(ParameterValue::text).toList());
        assertEquals(List.of("2", "0.1"), g.cell(3).stream().map(ParameterValue::text).toList());
        assertEquals(List.of("2", "0.3"), g.cell(5).stream().map(ParameterValue::text).toList());
        assertEquals(1, g.levelIndex(5, 0));
        assertEquals(2, g.levelIndex(5, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> g.cell(6));
    }

    @Test
    void planNumbersRunsCellMajorWithReferenceRunsLast() {
        SweepParameter a = SweepParameter.values("market.x", "x", List.of(ParameterValue.integer(1),
                ParameterValue.integer(2)));
        SweepPlan plan = new SweepPlan("t", new GridDesign(List.of(a)), 3, 9, List.of("buyers.count=10"),
                List.of("final_share.eu"), List.of("market.y=0"));
        assertEquals(9, plan.totalRuns());
        RunSpec r4 = plan.run(4);
        assertEquals(1, r4.cell());
        assertEquals(1, r4.replication());
        assertEquals(List.of("buyers.count=10", "market.x=2"), r4.overrides());
        RunSpec ref = plan.run(7);
        assertTrue(ref.isReference());
        assertEquals("ref", ref.cellId());
        assertEquals(1, ref.replication());
        assertEquals(List.of("buyers.count=10", "market.y=0"), ref.overrides());
        // shards partition the run ids
        int total = 0;
        for (int s = 1; s <= 4; s++) {
            total += plan.runsInShard(s, 4);
        }
        assertEquals(9, total);
        assertEquals(3, plan.runsInShard(1, 4)); // ids 0, 4, 8
        assertEquals(2, SweepPlan.shardOf(5, 4));
    }
}
