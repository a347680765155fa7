package eu.cloudmarket.estimation;

/**
 * The parameters' bounds, and the map between a parameter vector and the unit box [0, 1]^K the optimiser
 * searches: u_k = (θ_k − min_k) / (max_k − min_k). Searching the unit box gives every parameter the same scale, so one trust-region
 * radius suits all of them.
 */
public final class UnitBox {
    private final double[] min;
    private final double[] max;

    public UnitBox(double[] min, double[] max) {
        if (min.length != max.length || min.length == 0) {
            throw new IllegalArgumentException("bounds need one min and one max per parameter");
        }
        for (int k = 0; k < min.length; k++) {
            if (!(min[k] < max[k])) {
                throw new IllegalArgumentException("parameter " + k + ": min " + min[k] + " is not below max "
                        + max[k]);
            }
        }
        this.min = min.clone();
        this.max = max.clone();
    }

    public int dimension() {
        return min.length;
    }

    public double min(int k) {
        return min[k];
    }

    public double max(int k) {
        return max[k];
    }

    public double width(int k) {
        return max[k] - min[k];
    }

    public double[] toUnit(double[] theta) {
        double[] u = new double[theta.length];
        for (int k = 0; k < u.length; k++) {
            u[k] = (theta[k] - min[k]) / width(k);
        }
        return u;
    }

    /** The parameter vector of a point of the unit box (clamped into the bounds against rounding). */
    public double[] fromUnit(double[] u) {
        double[] t = new double[u.length];
        for (int k = 0; k < u.length; k++) {
            t[k] = Math.min(max[k], Math.max(min[k], min[k] + u[k] * width(k)));
        }
        return t;
    }

    public boolean contains(double[] theta) {
        for (int k = 0; k < theta.length; k++) {
            if (!(theta[k] >= min[k] && theta[k] <= max[k])) {
                return false;
            }
        }
        return true;
    }
}
