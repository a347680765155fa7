package eu.cloudmarket.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.special.Beta;

/**
 * The Patient Rule Induction Method (Friedman and Fisher 1999) for scenario discovery (Bryant and Lempert 2010): finds
 * a box in the input space where a binary outcome is frequent.
 * <ol>
 *   <li><b>Peeling.</b> From the box around all the data, each step tries, for every dimension, cutting off the
 *       fraction α of the points in the box at the dimension's lower end and at its upper end, and keeps the cut
 *       whose box has the highest density (share of cases of interest); a cut of a dimension with ties removes the
 *       whole tied value. Peeling stops before the box's mass would fall below the minimum mass. Each box of the
 *       trajectory trades coverage for density.</li>
 *   <li><b>Choice.</b> The box with the highest coverage among those whose density reaches the threshold (if none
 *       does, the densest box), as an analyst picks a box on the coverage-density curve.</li>
 *   <li><b>Pasting.</b> The chosen box is widened again, a fraction α of its points at a time, along the dimension
 *       and side that keep the density highest, as long as the density does not fall.</li>
 *   <li><b>Quasi-p-values.</b> For each restricted dimension, the one-sided binomial test of the EMA Workbench: with
 *       the dimension's restriction removed the box holds T<sub>j</sub> points, H<sub>j</sub> of interest; the
 *       quasi-p-value is P(X ≥ H) for X ~ Binomial(T, H<sub>j</sub>/T<sub>j</sub>), with T and H the box's own counts.
 *       A large value says the restriction adds little.</li>
 * </ol>
 * Deterministic: ties between candidate cuts go to the dimension listed first, lower end before upper end.
 */
public final class Prim {
    /** Share of a box's points one peel removes: the EMA Workbench's default (Bryant and Lempert 2010). */
    public static final double DEFAULT_PEEL_ALPHA = 0.05;
    /** Share of a box's points one paste adds: the EMA Workbench's default. */
    public static final double DEFAULT_PASTE_ALPHA = 0.05;
    /** Smallest mass of a box: the EMA Workbench's default. */
    public static final double DEFAULT_MASS_MIN = 0.05;
    /** Density a chosen box should reach: the EMA Workbench's default threshold. */
    public static final double DEFAULT_THRESHOLD = 0.8;

    private final double[][] x;
    private final boolean[] y;
    private final int n;
    private final int d;
    private final int interesting;
    private final double[] min;
    private final double[] max;

    /**
     * Settings of a search.
     *
     * @param peelAlpha  share of a box's points one peel removes, in (0, 0.5)
     * @param pasteAlpha share of a box's points one paste adds, in (0, 1)
     * @param massMin    smallest mass of a peeled box, in (0, 1)
     * @param threshold  density the chosen box should reach, in (0, 1]
     */
    public record Settings(double peelAlpha, double pasteAlpha, double massMin, double threshold) {
        public static final Settings DEFAULT = new Settings(DEFAULT_PEEL_ALPHA, DEFAULT_PASTE_ALPHA,
                DEFAULT_MASS_MIN, DEFAULT_THRESHOLD);

        public Settings {
            check("peel alpha", peelAlpha, 0, 0.5, false);
            check("paste alpha", pasteAlpha, 0, 1, false);
            check("minimum mass", massMin, 0, 1, false);
            check("threshold", threshold, 0, 1, true);
        }

        private static void check(String what, double v, double lo, double hi, boolean closedAbove) {
            if (!(v > lo && (v < hi || closedAbove && v == hi))) {
                throw new IllegalArgumentException(what + " must be in (" + lo + ", " + hi + (closedAbove ? "]" : ")")
                        + ", was " + v);
            }
        }
    }

    private Prim(double[][] x, boolean[] y) {
        this.x = x;
        this.y = y;
        this.n = x.length;
        this.d = x[0].length;
        int h = 0;
        for (boolean b : y) {
            h += b ? 1 : 0;
        }
        this.interesting = h;
        this.min = new double[d];
        this.max = new double[d];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                min[j] = Math.min(min[j], row[j]);
                max[j] = Math.max(max[j], row[j]);
            }
        }
    }

    /**
     * Runs PRIM on {@code x} (one row per point, finite values) and the outcome {@code y} of each point.
     *
     * @throws IllegalArgumentException if there are no points, the rows differ in width, or no point is of interest
     */
    public static PrimResult run(List<String> dimensions, double[][] x, boolean[] y, Settings settings) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("PRIM needs at least one point and one outcome per point; got "
                    + x.length + " points and " + y.length + " outcomes");
        }
        for (double[] row : x) {
            if (row.length != dimensions.size()) {
                throw new IllegalArgumentException("every point needs " + dimensions.size() + " values");
            }
        }
        Prim prim = new Prim(x, y);
        if (prim.interesting == 0) {
            throw new IllegalArgumentException("no point has the outcome of interest (nothing to discover)");
        }
        List<PrimBox> peeling = prim.peel(settings);
        int chosen = choose(peeling, settings.threshold());
        PrimBox box = prim.paste(peeling.get(chosen), settings.pasteAlpha());
        return new PrimResult(List.copyOf(dimensions), prim.min.clone(), prim.max.clone(), List.copyOf(peeling),
                chosen, box, prim.quasiP(box));
    }

    private List<PrimBox> peel(Settings s) {
        List<PrimBox> trajectory = new ArrayList<>();
        PrimBox box = box(min.clone(), max.clone());
        trajectory.add(box);
        while (true) {
            PrimBox next = bestPeel(box, s.peelAlpha());
            if (next == null || next.mass() < s.massMin()) {
                return trajectory;
            }
            box = next;
            trajectory.add(box);
        }
    }

    /** The densest box one peel away from {@code box}; null if no dimension can be cut. */
    private PrimBox bestPeel(PrimBox box, double alpha) {
        PrimBox best = null;
        for (int j = 0; j < d; j++) {
            double[] values = valuesInBox(box, j);
            if (values.length < 2) {
                continue;
            }
            Arrays.sort(values);
            int k = Math.max(1, (int) Math.floor(alpha * values.length));
            for (boolean lowerEnd : new boolean[] {true, false}) {
                double cut = lowerEnd ? firstAbove(values, k) : lastBelow(values, k);
                if (Double.isNaN(cut)) {
                    continue;
                }
                double[] lo = box.lower().clone();
                double[] hi = box.upper().clone();
                if (lowerEnd) {
                    lo[j] = cut;
                } else {
                    hi[j] = cut;
                }
                PrimBox candidate = box(lo, hi);
                if (best == null || candidate.density() > best.density()) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    /** The new lower limit when the k smallest values go: the k-th value, or the next larger one after ties. */
    private static double firstAbove(double[] sorted, int k) {
        double cut = sorted[k];
        if (cut > sorted[0]) {
            return cut;
        }
        for (double v : sorted) {
            if (v > sorted[0]) {
                return v;
            }
        }
        return Double.NaN;
    }

    private static double lastBelow(double[] sorted, int k) {
        int top = sorted.length - 1;
        double cut = sorted[top - k];
        if (cut < sorted[top]) {
            return cut;
        }
        for (int i = top; i >= 0; i--) {
            if (sorted[i] < sorted[top]) {
                return sorted[i];
            }
        }
        return Double.NaN;
    }

    /** The index of the box with the highest coverage and a density of at least {@code threshold}, or the densest. */
    static int choose(List<PrimBox> peeling, double threshold) {
        int best = -1;
        for (int i = 0; i < peeling.size(); i++) {
            PrimBox b = peeling.get(i);
            if (b.density() >= threshold && (best < 0 || b.coverage() > peeling.get(best).coverage())) {
                best = i;
            }
        }
        if (best >= 0) {
            return best;
        }
        best = 0;
        for (int i = 1; i < peeling.size(); i++) {
            if (peeling.get(i).density() > peeling.get(best).density()) {
                best = i;
            }
        }
        return best;
    }

    private PrimBox paste(PrimBox box, double alpha) {
        PrimBox current = box;
        while (true) {
            PrimBox next = bestPaste(current, alpha);
            if (next == null || next.density() < current.density()) {
                return current;
            }
            current = next;
        }
    }

    /** The densest box one paste wider than {@code box}; null if no dimension can be widened. */
    private PrimBox bestPaste(PrimBox box, double alpha) {
        int inside = (int) Math.round(box.mass() * n);
        int k = Math.max(1, (int) Math.ceil(alpha * inside));
        PrimBox best = null;
        for (int j = 0; j < d; j++) {
            for (boolean lowerEnd : new boolean[] {true, false}) {
                double[] outside = valuesBeside(box, j, lowerEnd);
                if (outside.length == 0) {
                    continue;
                }
                Arrays.sort(outside);
                double[] lo = box.lower().clone();
                double[] hi = box.upper().clone();
                int take = Math.min(k, outside.length);
                if (lowerEnd) {
                    lo[j] = outside[outside.length - take];
                } else {
                    hi[j] = outside[take - 1];
                }
                PrimBox candidate = box(lo, hi);
                if (best == null || candidate.density() > best.density()) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    private double[] quasiP(PrimBox box) {
        int t = 0;
        int h = 0;
        for (int i = 0; i < n; i++) {
            if (inside(box.lower(), box.upper(), x[i])) {
                t++;
                h += y[i] ? 1 : 0;
            }
        }
        double[] qp = new double[d];
        for (int j = 0; j < d; j++) {
            if (!box.restricts(j, min[j], max[j])) {
                qp[j] = Double.NaN;
                continue;
            }
            double[] lo = box.lower().clone();
            double[] hi = box.upper().clone();
            lo[j] = min[j];
            hi[j] = max[j];
            PrimBox wider = box(lo, hi);
            qp[j] = binomialUpperTail(h, t, wider.density());
        }
        return qp;
    }

    /** P(X ≥ k) for X ~ Binomial(trials, p), through the regularised incomplete beta function I_p(k, trials − k + 1). */
    static double binomialUpperTail(int k, int trials, double p) {
        if (k <= 0) {
            return 1;
        }
        if (k > trials || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return 1;
        }
        return Beta.regularizedBeta(p, k, trials - k + 1.0);
    }

    private PrimBox box(double[] lo, double[] hi) {
        int t = 0;
        int h = 0;
        for (int i = 0; i < n; i++) {
            if (inside(lo, hi, x[i])) {
                t++;
                h += y[i] ? 1 : 0;
            }
        }
        int restricted = 0;
        for (int j = 0; j < d; j++) {
            restricted += lo[j] > min[j] || hi[j] < max[j] ? 1 : 0;
        }
        return new PrimBox(lo, hi, h / (double) interesting, t == 0 ? 0 : h / (double) t, t / (double) n,
                restricted);
    }

    private static boolean inside(double[] lo, double[] hi, double[] row) {
        for (int j = 0; j < row.length; j++) {
            if (row[j] < lo[j] || row[j] > hi[j]) {
                return false;
            }
        }
        return true;
    }

    private double[] valuesInBox(PrimBox box, int j) {
        double[] out = new double[n];
        int m = 0;
        for (double[] row : x) {
            if (inside(box.lower(), box.upper(), row)) {
                out[m++] = row[j];
            }
        }
        return Arrays.copyOf(out, m);
    }

    /** Values of dimension j of the points that meet every other limit and lie below (or above) the box on j. */
    private double[] valuesBeside(PrimBox box, int j, boolean below) {
        double[] out = new double[n];
        int m = 0;
        for (double[] row : x) {
            double v = row[j];
            boolean beside = below ? v < box.lower()[j] : v > box.upper()[j];
            if (beside && insideExcept(box, row, j)) {
                out[m++] = v;
            }
        }
        return Arrays.copyOf(out, m);
    }

    private static boolean insideExcept(PrimBox box, double[] row, int skip) {
        for (int j = 0; j < row.length; j++) {
            if (j != skip && (row[j] < box.lower()[j] || row[j] > box.upper()[j])) {
                return false;
            }
        }
        return true;
    }
}
