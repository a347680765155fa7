package eu.cloudmarket.model;

/**
 * Solves small dense linear systems by Gaussian elimination with partial pivoting. The calibration's Newton systems
 * have one row per provider and segment, so a dense elimination is all that is needed.
 */
final class DenseLinearSolver {
    /** A pivot below this share of the largest entry counts as zero: the system is singular for a Newton step. */
    private static final double SINGULAR_PIVOT = 1e-12;

    private DenseLinearSolver() {
    }

    /** Solves a·x = b (a and b are overwritten); null if a is singular (see {@link #SINGULAR_PIVOT}). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double scale = 0;
        for (double[] row : a) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            return null;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (!(Math.abs(a[pivot][col]) > SINGULAR_PIVOT * scale)) {
                return null;
            }
            swap(a, b, col, pivot);
            eliminateBelow(a, b, col);
        }
        return backSubstitute(a, b);
    }

    private static void swap(double[][] a, double[] b, int r1, int r2) {
        double[] tmp = a[r1];
        a[r1] = a[r2];
        a[r2] = tmp;
        double tb = b[r1];
        b[r1] = b[r2];
        b[r2] = tb;
    }

    private static void eliminateBelow(double[][] a, double[] b, int col) {
        int n = b.length;
        for (int r = col + 1; r < n; r++) {
            double factor = a[r][col] / a[col][col];
            if (factor == 0) {
                continue;
            }
            for (int c = col; c < n; c++) {
                a[r][c] -= factor * a[col][c];
            }
            b[r] -= factor * b[col];
        }
    }

    private static double[] backSubstitute(double[][] a, double[] b) {
        int n = b.length;
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = b[r];
            for (int c = r + 1; c < n; c++) {
                sum -= a[r][c] * x[c];
            }
            x[r] = sum / a[r][r];
        }
        return x;
    }
}
