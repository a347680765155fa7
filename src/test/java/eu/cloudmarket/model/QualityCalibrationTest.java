package eu.cloudmarket.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.cloudmarket.model.params.MarketParams;
import eu.cloudmarket.model.params.ProviderParams;
import eu.cloudmarket.scenario.Scenario;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inversion of flow shares and cloud adoption into qualities δ_j and outside utilities δ_0g (Berry 1994 [S73]),
 * solved by Newton steps with an analytic Jacobian: checked against choice probabilities computed buyer by buyer with
 * {@link NestedLogit#compute} (not the calibration's factorised arithmetic), and the Jacobian against central finite
 * differences of the calibration's own expected choices.
 */
class QualityCalibrationTest {
    private static Market baseline(double sigma) {
        Scenario s = new ScenarioLoader().load(Path.of("configs/baseline.yaml"),
                List.of("buyers.count=20000", "market.nestingSigma=" + sigma, "structural.use=targets"), null);
        return new Market(s.params(), s.events(), s.stochastic(), s.seed(), 0, Recorder.NONE);
    }

    @ParameterizedTest(name = "sigma = {0}")
    @ValueSource(doubles = {0.0, 0.3, 0.6, 0.85})
    void qualitiesReproduceFlowSharesAndAdoption(double sigma) {
        Market market = baseline(sigma);
        MarketParams params = market.params();
        MarketView m = market.view();
        Buyers b = m.buyers();
        double[][] baseU = m.utilities().baseUtilities();
        double[][] blend = m.utilities().blendFactors();
        double[] u0 = m.utilities().outsideUtilities();
        NestedLogit logit = m.logit();
        int nP = m.providerCount();
        double[] v = new double[nP];
        double[] prob = new double[nP];
        double[] rev = new double[nP];
        double[] cloud = new double[m.segmentCount()];
        double[] total = new double[m.segmentCount()];
        for (int i = 0; i < b.n; i++) {
            int g = b.segment[i];
            double alpha = m.roster().sp[g].alpha() * b.alphaMult[i];
            for (int j = 0; j < nP; j++) {
                v[j] = baseU[g][j] - alpha * blend[g][j];
            }
            logit.compute(v, m.availability()[b.country[i]], u0[g], prob, null);
            for (int j = 0; j < nP; j++) {
                rev[j] += b.workload[i] * prob[j] * blend[g][j];
                cloud[g] += b.workload[i] * prob[j];
            }
            total[g] += b.workload[i];
        }
        List<ProviderParams> providers = List.copyOf(params.providers().values());
        double flowSum = providers.stream().mapToDouble(ProviderParams::effectiveFlowShare).sum();
        double revSum = java.util.Arrays.stream(rev).sum();
        for (int j = 0; j < nP; j++) {
            double target = providers.get(j).effectiveFlowShare() / flowSum;
            assertEquals(target, rev[j] / revSum, 1e-9 * target, "revenue share of provider " + j);
        }
        for (int g = 0; g < m.segmentCount(); g++) {
            assertEquals(m.roster().sp[g].cloudAdoption(), cloud[g] / total[g], 1e-9, "cloud adoption of segment " + g);
        }
    }

    @ParameterizedTest(name = "sigma = {0}")
    @ValueSource(doubles = {0.0, 0.45})
    void jacobianMatchesFiniteDifferences(double sigma) {
        MarketView m = baseline(sigma).view();
        int nP = m.providerCount();
        int nG = m.segmentCount();
        CalibrationSample sample = new CalibrationSample(m.roster(), m.buyers(), 4, m.utilities().blendFactors(),
                m.availability(), m.logit());
        double[][] baseU = copy(m.utilities().baseUtilities());
        double[] u0 = m.utilities().outsideUtilities().clone();
        // Move away from the calibrated point so that the derivatives are generic.
        for (int g = 0; g < nG; g++) {
            for (int j = 0; j < nP; j++) {
                baseU[g][j] += 0.1 * (j - 2);
            }
            u0[g] -= 0.2;
        }
        CalibrationSample.Derivatives d = new CalibrationSample.Derivatives(nP, nG);
        sample.expectedChoices(baseU, u0, new double[nP], new double[nG], new double[nG], d);
        double h = 1e-5;
        for (int k = 0; k < nP + nG; k++) {
            double[][] up = copy(baseU);
            double[][] down = copy(baseU);
            double[] u0Up = u0.clone();
            double[] u0Down = u0.clone();
            if (k < nP) {
                for (int g = 0; g < nG; g++) {
                    up[g][k] += h;
                    down[g][k] -= h;
                }
            } else {
                u0Up[k - nP] += h;
                u0Down[k - nP] -= h;
            }
            double[] revUp = new double[nP];
            double[] revDown = new double[nP];
            double[] cloudUp = new double[nG];
            double[] cloudDown = new double[nG];
            sample.expectedChoices(up, u0Up, revUp, cloudUp, new double[nG]);
            sample.expectedChoices(down, u0Down, revDown, cloudDown, new double[nG]);
            for (int j = 0; j < nP; j++) {
                double fd = (revUp[j] - revDown[j]) / (2 * h);
                double analytic = k < nP ? d.revByDelta[j][k] : d.revByOutside[j][k - nP];
                assertEquals(fd, analytic, 1e-6 * (1 + Math.abs(fd)), "d rev_" + j + " / d theta_" + k);
            }
            for (int g = 0; g < nG; g++) {
                double fd = (cloudUp[g] - cloudDown[g]) / (2 * h);
                double analytic = k < nP ? d.cloudByDelta[g][k] : (k - nP == g ? d.cloudByOutside[g] : 0);
                assertEquals(fd, analytic, 1e-6 * (1 + Math.abs(fd)), "d cloud_" + g + " / d theta_" + k);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void linearSolveRecoversAKnownSolutionAndRefusesASingularSystem() {
        // A matrix that needs pivoting (zero leading entry), with x chosen first and b = A·x computed by hand.
        double[][] a = {{0, 2, 1}, {1, 1, 1}, {4, -1, 3}};
        double[] x = {1.5, -2, 0.25};
        double[] b = new double[3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                b[r] += a[r][c] * x[c];
            }
        }
        double[] solved = DenseLinearSolver.solve(copy(a), b.clone());
        for (int k = 0; k < 3; k++) {
            assertEquals(x[k], solved[k], 1e-12, "x_" + k);
        }
        double[][] singular = {{1, 2, 3}, {2, 4, 6}, {0, 1, 1}};
        org.junit.jupiter.api.Assertions.assertNull(DenseLinearSolver.solve(singular, new double[] {1, 2, 3}));
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
