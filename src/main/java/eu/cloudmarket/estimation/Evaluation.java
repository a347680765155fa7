package eu.cloudmarket.estimation;

/**
 * The simulated moments at one parameter vector: every replication's moments and their mean.
 *
 * @param index        the evaluation's number in the estimation (0, 1, ...), in the order the estimator asks
 * @param stage        the estimator's stage that asked for it ({@link SmmEstimator#STAGES})
 * @param theta        the parameter vector
 * @param replications [replication][moment] simulated moments
 */
public record Evaluation(int index, String stage, double[] theta, double[][] replications) {
    public Evaluation {
        theta = theta.clone();
        double[][] copy = new double[replications.length][];
        for (int r = 0; r < copy.length; r++) {
            copy[r] = replications[r].clone();
        }
        replications = copy;
        if (replications.length == 0) {
            throw new IllegalArgumentException("an evaluation needs at least one replication");
        }
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    /** Replication r's moments (a copy). */
    public double[] replication(int r) {
        return replications[r].clone();
    }

    public int replicationCount() {
        return replications.length;
    }

    /** m(θ): the mean over replications of each moment, summed in replication order (so replays are exact). */
    public double[] mean() {
        int m = replications[0].length;
        double[] mean = new double[m];
        for (double[] rep : replications) {
            for (int j = 0; j < m; j++) {
                mean[j] += rep[j];
            }
        }
        for (int j = 0; j < m; j++) {
            mean[j] /= replications.length;
        }
        return mean;
    }

    /** The sample covariance of the moments over replications (divisor R − 1; zero when R = 1). */
    public double[][] covariance() {
        double[] mean = mean();
        int m = mean.length;
        double[][] s = new double[m][m];
        int n = replications.length;
        for (double[] rep : replications) {
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    s[a][b] += (rep[a] - mean[a]) * (rep[b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                s[a][b] = n > 1 ? s[a][b] / (n - 1) : 0;
            }
        }
        return s;
    }
}
