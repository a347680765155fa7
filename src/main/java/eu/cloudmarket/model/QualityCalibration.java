package eu.cloudmarket.model;

import eu.cloudmarket.model.params.SegmentParams;

/**
 * Inverts target revenue shares of new workloads into provider qualities δ_j, and each segment's cloud adoption into
 * its outside-option utility δ_0g (Berry 1994 [S73]) on a sample of the actual buyers choosing without switching
 * costs. Used while the market is built: first with the installed-base shares (to draw the initial customers) and
 * then, if they differ, with the flow shares that drive the dynamics.
 *
 * <p>The equations are F_j = log m_j − log t_j (m_j the sample's revenue share, t_j the target) and
 * F_g = logit(adoption_g) − logit(target adoption_g). They fix δ only up to a common constant (shifting every
 * utility, the outside option's included, changes no choice), so the provider with the largest target keeps its δ and
 * its share equation, implied by the others because shares sum to one, is dropped. Newton steps with the analytic
 * Jacobian ({@link CalibrationSample.Derivatives}) and step halving solve the system; a step that still fails after
 * halving, or a singular Jacobian, falls back to Berry's damped contraction δ ← δ − (1−σ)·F. Converged when max |F|
 * &lt; 1e-10, typically in 4 to 6 passes over the sample against 30 to 130 for the contraction alone.
 *
 * <p>The first calibration starts from a solution on an eighth of the sample. The second starts from a Newton step
 * away from the first one's solution, taken with the first one's last Jacobian: only the share targets change (by
 * Δ log t), so F at the old solution is known without a pass, and the step lands closer to the new solution (max |F|
 * about 0.02 in the baseline) than a start on an eighth of the sample would (about 0.18).
 */
final class QualityCalibration {
    // Numerical settings (assumption: chosen for speed at the tolerance; they do not change the solution).
    /** Buyers in the full sample (every n/SAMPLE_SIZE-th buyer by id). */
    private static final int SAMPLE_SIZE = 20000;
    /** The coarse start is worth a pass only on a sample at least this large. */
    private static final int COARSE_MIN_SAMPLE = 8000;
    /** The coarse sample takes every COARSE_STRIDE-th buyer of the full one. */
    private static final int COARSE_STRIDE = 8;
    private static final double COARSE_TOLERANCE = 1e-2;
    private static final int COARSE_MAX_PASSES = 50;
    private static final double TOLERANCE = 1e-10;
    private static final int MAX_PASSES = 500;
    /** Below this max |F| the Jacobian barely moves: reuse the last one (chord steps). */
    private static final double CHORD_BELOW = 1e-3;
    /** Smallest Newton step fraction before falling back to a contraction step. */
    private static final double MIN_STEP_FRACTION = 1.0 / 64;
    /** Floor of a model share inside the logarithm (a provider nobody chooses). */
    private static final double MIN_SHARE = 1e-300;

    private final int nP;
    private final int nG;
    private final SegmentParams[] sp;
    private final Roster roster;
    private final Buyers buyers;
    private final ProviderState providers;
    private final SegmentState segments;
    private final UtilityTables tables;
    private final ChoiceSets choiceSets;
    private final NestedLogit logit;

    private CalibrationSample sample;
    private CalibrationSample coarse;
    /** The last full-sample calibration: its targets, last derivatives and residuals. */
    private double[] lastTarget;
    private CalibrationSample.Derivatives lastDerivatives;
    private double[] lastF;
    /** Revenue (and its total), cloud and total workload of the last pass. */
    private final double[] rev;
    private final double[] cloud;
    private final double[] total;
    /** Set by {@link #expectedRevenueShares}: see {@link #expectedRevenuePerWorkload}. */
    private double revenuePerWorkload = Double.NaN;
    private double revTotal;

    QualityCalibration(Roster roster, Buyers buyers, ProviderState providers, SegmentState segments,
            UtilityTables tables, ChoiceSets choiceSets, NestedLogit logit) {
        this.roster = roster;
        this.nP = roster.nP;
        this.nG = roster.nG;
        this.sp = roster.sp;
        this.buyers = buyers;
        this.providers = providers;
        this.segments = segments;
        this.tables = tables;
        this.choiceSets = choiceSets;
        this.logit = logit;
        rev = new double[nP];
        cloud = new double[nG];
        total = new double[nG];
    }

    /** Sets δ and δ_0 so that the buyers' expected revenue shares match {@code shares} (see the class comment). */
    void calibrate(double[] shares) {
        double shareSum = 0;
        for (double x : shares) {
            shareSum += x;
        }
        double[] target = new double[nP];
        int pinned = 0;
        for (int j = 0; j < nP; j++) {
            target[j] = shares[j] / shareSum;
            if (target[j] > target[pinned]) {
                pinned = j;
            }
        }
        tables.invalidate();
        tables.refresh();
        prepareSamples();
        if (!predictFromLastSolution(target, pinned) && coarse != null) {
            // A start within the sampling noise of the solution, found on an eighth of the sample.
            solve(coarse, target, pinned, COARSE_TOLERANCE, COARSE_MAX_PASSES);
        }
        solve(sample, target, pinned, TOLERANCE, MAX_PASSES);
        lastTarget = target;
        tables.invalidate();
    }

    /**
     * The revenue shares the sample's buyers are expected to give each provider at the current qualities and outside
     * utilities: choice probabilities, not draws. After a calibration they equal its targets (to its tolerance); with
     * qualities held fixed they are the installed base the model implies under the scenario's choice sets. The
     * initial assignment is post-stratified to them ({@link Renewals#signInitialContracts}), so the draws' noise
     * leaves the initial shares while a scenario's change to the choice sets moves them.
     */
    double[] expectedRevenueShares() {
        tables.invalidate();
        tables.refresh();
        prepareSamples();
        java.util.Arrays.fill(rev, 0);
        java.util.Arrays.fill(cloud, 0);
        java.util.Arrays.fill(total, 0);
        sample.expectedChoices(tables.baseU, tables.u0, rev, cloud, total);
        double sum = 0;
        for (double r : rev) {
            sum += r;
        }
        double[] shares = new double[nP];
        for (int j = 0; j < nP; j++) {
            shares[j] = sum > 0 ? rev[j] / sum : 0;
        }
        double workload = 0;
        for (double q : total) {
            workload += q;
        }
        revenuePerWorkload = workload > 0 ? sum / workload : 0;
        return shares;
    }

    /**
     * Expected cloud revenue per unit of the sample's workload (before the initial assignment rescales it), from the
     * last {@link #expectedRevenueShares} pass: the market's depth at the current qualities and choice sets. A ratio
     * of sums over the same buyers, so the heavy-tailed workload draws largely cancel.
     */
    double expectedRevenuePerWorkload() {
        return revenuePerWorkload;
    }

    /**
     * Prices and tastes are fixed while calibrating: the samples' price terms are exponentiated once, for both
     * calibrations (only the workloads change in between, rescaled to the market size).
     */
    private void prepareSamples() {
        if (sample == null) {
            int step = Math.max(1, buyers.n / SAMPLE_SIZE);
            boolean[][] available = choiceSets.availability();
            sample = new CalibrationSample(roster, buyers, step, tables.blend, available, logit);
            if (sample.size() >= COARSE_MIN_SAMPLE) {
                coarse = new CalibrationSample(roster, buyers, step * COARSE_STRIDE, tables.blend, available, logit);
            }
        } else {
            sample.refreshWorkloads(buyers);
            if (coarse != null) {
                coarse.refreshWorkloads(buyers);
            }
        }
    }

    /**
     * After a calibration on the full sample, moves θ by the Newton step for new share targets from that solution;
     * returns false, changing nothing, if there is no previous solution or the step is not usable.
     */
    private boolean predictFromLastSolution(double[] target, int pinned) {
        if (lastTarget == null || lastDerivatives == null) {
            return false;
        }
        int dim = nP + nG;
        double[] f = lastF.clone();
        for (int j = 0; j < nP; j++) {
            f[j] += Math.log(lastTarget[j] / target[j]);
        }
        double[] step = newtonStep(lastDerivatives, f, pinned);
        if (step == null) {
            return false;
        }
        double[] theta = new double[dim];
        packTheta(theta);
        for (int k = 0; k < dim; k++) {
            theta[k] += step[k];
        }
        unpackTheta(theta);
        return true;
    }

    /** Newton iterations on {@code s} until max |F| &lt; {@code tol}. */
    private void solve(CalibrationSample s, double[] target, int pinned, double tol, int maxPasses) {
        int dim = nP + nG;
        CalibrationSample.Derivatives d = new CalibrationSample.Derivatives(nP, nG);
        double[] theta = new double[dim];
        double[] base = new double[dim];
        double[] f = new double[dim];
        double[] baseF = new double[dim];
        double[] newton = null;
        double baseErr = Double.POSITIVE_INFINITY;
        double lambda = 1;
        double lastErr = Double.POSITIVE_INFINITY;
        for (int pass = 0; pass < maxPasses; pass++) {
            // Close to the solution the Jacobian barely moves: reuse the last one (chord steps, converging by that
            // factor per pass) and save the derivative terms of the pass.
            double err = residuals(s, lastErr > CHORD_BELOW ? d : null, target, f);
            lastErr = err;
            if (err < tol) {
                break;
            }
            packTheta(theta);
            if (newton != null && !(err < baseErr)) {
                // The last Newton step did not reduce the residuals: halve it, or fall back to a contraction step.
                lambda /= 2;
                if (lambda >= MIN_STEP_FRACTION) {
                    for (int k = 0; k < dim; k++) {
                        theta[k] = base[k] + lambda * newton[k];
                    }
                } else {
                    System.arraycopy(base, 0, theta, 0, dim);
                    contractionStep(theta, baseF);
                    newton = null;
                    baseErr = Double.POSITIVE_INFINITY;
                }
                unpackTheta(theta);
                continue;
            }
            System.arraycopy(theta, 0, base, 0, dim);
            System.arraycopy(f, 0, baseF, 0, dim);
            baseErr = err;
            lambda = 1;
            newton = newtonStep(d, f, pinned);
            if (newton == null) {
                contractionStep(theta, f);
                baseErr = Double.POSITIVE_INFINITY;
            } else {
                for (int k = 0; k < dim; k++) {
                    theta[k] += newton[k];
                }
            }
            unpackTheta(theta);
        }
        lastDerivatives = d;
        lastF = f;
    }

    /**
     * Berry's contraction: a provider's δ rises by (1−σ)·log(target/model share); a segment's outside utility rises
     * with the log-odds by which its cloud adoption exceeds the target.
     */
    private void contractionStep(double[] theta, double[] f) {
        double damp = 1 - logit.sigma();
        for (int k = 0; k < theta.length; k++) {
            theta[k] += k < nP ? -damp * f[k] : damp * f[k];
        }
    }

    /** Qualities then outside utilities as one vector. */
    private void packTheta(double[] theta) {
        System.arraycopy(providers.delta, 0, theta, 0, nP);
        System.arraycopy(segments.deltaOutside, 0, theta, nP, nG);
    }

    private void unpackTheta(double[] theta) {
        System.arraycopy(theta, 0, providers.delta, 0, nP);
        System.arraycopy(theta, nP, segments.deltaOutside, 0, nG);
        tables.invalidate();
    }

    /**
     * One pass over the sample at the current δ: fills F (shares then segments) and, unless {@code d} is null, the
     * derivatives; returns max |F|.
     */
    private double residuals(CalibrationSample s, CalibrationSample.Derivatives d, double[] target, double[] f) {
        tables.refresh();
        java.util.Arrays.fill(rev, 0);
        java.util.Arrays.fill(cloud, 0);
        java.util.Arrays.fill(total, 0);
        if (d != null) {
            d.clear();
        }
        s.expectedChoices(tables.baseU, tables.u0, rev, cloud, total, d);
        double sum = 0;
        for (double r : rev) {
            sum += r;
        }
        revTotal = sum;
        double err = 0;
        for (int j = 0; j < nP; j++) {
            double model = rev[j] / sum;
            f[j] = Math.log(Math.max(model, MIN_SHARE) / target[j]);
            err = Math.max(err, Math.abs(f[j]));
        }
        for (int g = 0; g < nG; g++) {
            if (total[g] == 0) {
                f[nP + g] = 0;
                continue;
            }
            double model = cloud[g] / total[g];
            double a = sp[g].cloudAdoption();
            f[nP + g] = Math.log(model / a) - Math.log((1 - model) / (1 - a));
            err = Math.max(err, Math.abs(f[nP + g]));
        }
        return Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
    }

    /**
     * The Newton step −J⁻¹F from the derivatives of the last pass, with δ of provider {@code pinned} held fixed;
     * null if the Jacobian is singular or the step not finite.
     */
    private double[] newtonStep(CalibrationSample.Derivatives d, double[] f, int pinned) {
        int dim = nP + nG;
        double[][] jac = new double[dim][dim];
        shareRows(d, pinned, jac);
        adoptionRows(d, jac);
        double[] rhs = new double[dim];
        for (int k = 0; k < dim; k++) {
            rhs[k] = -f[k];
        }
        rhs[pinned] = 0;
        for (int j = 0; j < nP; j++) {
            if (!(rev[j] > 0)) {
                rhs[j] = 0;
            }
        }
        double[] x = DenseLinearSolver.solve(jac, rhs);
        if (x == null) {
            return null;
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        return x;
    }

    /** Jacobian rows of the share equations: ∂ log m_j = ∂rev_j / rev_j − ∂Σrev / Σrev. */
    private void shareRows(CalibrationSample.Derivatives d, int pinned, double[][] jac) {
        double[] colSum = new double[nP + nG];
        for (int k = 0; k < nP; k++) {
            for (int j = 0; j < nP; j++) {
                colSum[k] += d.revByDelta[j][k];
            }
        }
        for (int g = 0; g < nG; g++) {
            for (int j = 0; j < nP; j++) {
                colSum[nP + g] += d.revByOutside[j][g];
            }
        }
        for (int j = 0; j < nP; j++) {
            if (j == pinned || !(rev[j] > 0)) {
                jac[j][j] = 1;
                continue;
            }
            for (int k = 0; k < nP; k++) {
                jac[j][k] = d.revByDelta[j][k] / rev[j] - colSum[k] / revTotal;
            }
            for (int g = 0; g < nG; g++) {
                jac[j][nP + g] = d.revByOutside[j][g] / rev[j] - colSum[nP + g] / revTotal;
            }
        }
    }

    /** Jacobian rows of the adoption equations: ∂ logit(c/t) = ∂c · t / (c (t − c)). */
    private void adoptionRows(CalibrationSample.Derivatives d, double[][] jac) {
        for (int g = 0; g < nG; g++) {
            int r = nP + g;
            double c = cloud[g];
            double t = total[g];
            if (t == 0 || !(c > 0) || !(t - c > 0)) {
                jac[r][r] = 1;
                continue;
            }
            double scale = t / (c * (t - c));
            for (int k = 0; k < nP; k++) {
                jac[r][k] = d.cloudByDelta[g][k] * scale;
            }
            jac[r][r] = d.cloudByOutside[g] * scale;
        }
    }
}
