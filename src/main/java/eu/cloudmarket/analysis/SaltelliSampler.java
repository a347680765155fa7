package eu.cloudmarket.analysis;

import eu.cloudmarket.engine.random.RandomStream;
import eu.cloudmarket.engine.random.RandomStreams;
import java.util.List;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Saltelli's (2010) design for first- and total-order Sobol indices: two independent N × d matrices A and B, taken
 * side by side from one 2d-dimensional Sobol sequence, and for every parameter i the matrix AB<sub>i</sub>, A with
 * its column i taken from B. Rows are written in SALib's order, per sample j: A<sub>j</sub>,
 * AB<sub>1,j</sub> … AB<sub>d,j</sub>, B<sub>j</sub>; N(d + 2) rows in all.
 *
 * <p>The sequence (Joe and Kuo direction numbers, commons-math3 {@link SobolSequenceGenerator}) is randomised by a
 * random digital shift (Owen 1995; L'Ecuyer and Lemieux 2002): every coordinate's 52 bits are XOR-ed with a seeded
 * random word per dimension. The shift keeps the sequence's net structure (each of its elementary intervals still
 * holds its share of points) while making every point uniform on the cube, so repeated analyses with different seeds
 * are independent replicates and bootstrap intervals can be checked for coverage. The origin is kept: under the shift
 * it is an ordinary point, and dropping it would spoil the balance of the first 2<sup>m</sup> points.
 */
public final class SaltelliSampler {
    /** The stream of the digital shift in {@code RandomStreams(seed, 0)}. */
    public static final String SHIFT_STREAM = "sensitivity-saltelli-shift";
    /** Dimensions commons-math3's direction numbers cover. */
    public static final int MAX_SOBOL_DIMENSION = 1000;
    /** Most parameters: the sequence has 2d dimensions. */
    public static final int MAX_PARAMETERS = MAX_SOBOL_DIMENSION / 2;
    private static final int BITS = 52; // commons-math3's Sobol coordinates are multiples of 2^-52
    private static final double SCALE = 0x1.0p52;

    private SaltelliSampler() {
    }

    /** Rows of the design for {@code n} base samples: {@code n * (d + 2)}. */
    public static long rows(int n, int d) {
        return (long) n * (d + 2);
    }

    /**
     * The design in the parameters' units, {@link #rows} rows of {@code parameters.size()} values.
     *
     * @param n base samples N, at least 2 (a power of two keeps the Sobol sequence balanced)
     */
    public static double[][] sample(List<Parameter> parameters, int n, long seed) {
        int d = parameters.size();
        if (d < 1 || d > MAX_PARAMETERS) {
            throw new IllegalArgumentException("a Saltelli design needs 1 to " + MAX_PARAMETERS + " parameters, got "
                    + d);
        }
        if (n < 2 || rows(n, d) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("N must be at least 2 and N(d + 2) fit in an array, was N = " + n);
        }
        long[] shift = shift(2 * d, seed);
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * d);
        double[][] points = new double[n][];
        for (int j = 0; j < n; j++) {
            points[j] = shifted(sobol.nextVector(), shift);
        }
        return design(parameters, points);
    }

    /**
     * The design built from N points of the unit cube in 2d dimensions, their first d coordinates a row of A and
     * the last d a row of B: the rows A_j, AB_1,j … AB_d,j, B_j of each point in the parameters' units.
     */
    static double[][] design(List<Parameter> parameters, double[][] points) {
        int d = parameters.size();
        double[][] out = new double[(int) rows(points.length, d)][];
        int row = 0;
        for (double[] v : points) {
            out[row++] = scale(parameters, v, 0, -1);
            for (int i = 0; i < d; i++) {
                out[row++] = scale(parameters, v, 0, i);
            }
            out[row++] = scale(parameters, v, d, -1);
        }
        return out;
    }

    private static long[] shift(int dimensions, long seed) {
        RandomStream stream = new RandomStreams(seed, 0).open(SHIFT_STREAM);
        long[] shift = new long[dimensions];
        for (int k = 0; k < dimensions; k++) {
            shift[k] = stream.nextLong() >>> (Long.SIZE - BITS);
        }
        return shift;
    }

    private static double[] shifted(double[] point, long[] shift) {
        double[] out = new double[point.length];
        for (int k = 0; k < point.length; k++) {
            long bits = (long) (point[k] * SCALE);
            out[k] = (bits ^ shift[k]) / SCALE;
        }
        return out;
    }

    /**
     * A row in the parameters' units: the d coordinates starting at {@code offset} (0: matrix A, d: matrix B), with
     * column {@code fromB} (or none, −1) taken from B instead.
     */
    private static double[] scale(List<Parameter> parameters, double[] v, int offset, int fromB) {
        int d = parameters.size();
        double[] row = new double[d];
        for (int i = 0; i < d; i++) {
            double u = i == fromB ? v[d + i] : v[offset + i];
            row[i] = parameters.get(i).scale(u);
        }
        return row;
    }
}
