package eu.cloudmarket.experiment;

import eu.cloudmarket.engine.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * A design that samples n points u in [0, 1)^d and maps each coordinate through its parameter's distribution
 * (inverse-CDF). Three samplers:
 * <ul>
 *   <li>{@code random}: independent uniforms from the named stream {@value #RANDOM_STREAM} of the master seed;</li>
 *   <li>{@code lhs}: Latin hypercube (McKay, Beckman &amp; Conover 1979): in every dimension each of the n strata
 *       [k/n, (k+1)/n) holds exactly one point; the stratum permutations and the jitter inside each stratum come from
 *       the named streams {@value #LHS_STREAM} and {@value #LHS_JITTER_STREAM};</li>
 *   <li>{@code sobol}: the Sobol low-discrepancy sequence (Joe &amp; Kuo direction numbers, commons-math3
 *       {@link SobolSequenceGenerator}), unscrambled and starting at its first point, the origin (dropping it spoils
 *       the balance of the first 2^m points, Owen 2020). Use a power of two for n.</li>
 * </ul>
 * Randomness comes only from counter-based draws keyed by (master seed, stream name, point, dimension), so cell c is
 * the same whichever process or thread computes it.
 */
public final class SampledDesign implements Design {
    public static final String RANDOM_STREAM = "sweep-design-random";
    public static final String LHS_STREAM = "sweep-design-lhs";
    public static final String LHS_JITTER_STREAM = "sweep-design-lhs-jitter";
    /** The largest dimension commons-math3's bundled direction numbers support. */
    public static final int MAX_SOBOL_DIMENSION = 1000;
    public static final int MAX_SAMPLES = 10_000_000;
    /**
     * Most stratum indices a Latin hypercube holds (samples × parameters, 4 bytes each: 100 MB), so that a large
     * design is refused instead of running out of memory; e.g. a million points in 25 dimensions.
     */
    public static final long MAX_LHS_STRATA = 25_000_000L;

    private final String kind;
    private final List<SweepParameter> parameters;
    private final int samples;
    private final long randomKey;
    private final long jitterKey;
    private final int[][] strata;
    private final SobolSequenceGenerator sobol;

    private SampledDesign(String kind, List<SweepParameter> parameters, int samples, long masterSeed) {
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples must be between 1 and " + MAX_SAMPLES + ", was " + samples);
        }
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("a sampled design needs at least one parameter");
        }
        this.kind = kind;
        this.parameters = List.copyOf(parameters);
        this.samples = samples;
        RandomStreams streams = new RandomStreams(masterSeed, 0);
        int d = parameters.size();
        switch (kind) {
            case "random" -> {
                randomKey = streams.key(RANDOM_STREAM, 0);
                jitterKey = 0;
                strata = null;
                sobol = null;
            }
            case "lhs" -> {
                if ((long) samples * d > MAX_LHS_STRATA) {
                    throw new IllegalArgumentException("a Latin hypercube of " + samples + " samples in " + d
                            + " dimensions holds " + (long) samples * d + " strata, more than " + MAX_LHS_STRATA);
                }
                randomKey = 0;
                jitterKey = streams.key(LHS_JITTER_STREAM, 0);
                strata = new int[d][];
                for (int j = 0; j < d; j++) {
                    strata[j] = permutation(samples, streams.key(LHS_STREAM, j));
                }
                sobol = null;
            }
            case "sobol" -> {
                if (d > MAX_SOBOL_DIMENSION) {
                    throw new IllegalArgumentException("Sobol designs support at most " + MAX_SOBOL_DIMENSION
                            + " parameters");
                }
                randomKey = 0;
                jitterKey = 0;
                strata = null;
                sobol = new SobolSequenceGenerator(d);
            }
            default -> throw new IllegalArgumentException("unknown sampled design '" + kind + "'");
        }
    }

    /** Simple random sampling. */
    public static SampledDesign random(List<SweepParameter> parameters, int samples, long masterSeed) {
        return new SampledDesign("random", parameters, samples, masterSeed);
    }

    /** Latin hypercube sampling. */
    public static SampledDesign latinHypercube(List<SweepParameter> parameters, int samples, long masterSeed) {
        return new SampledDesign("lhs", parameters, samples, masterSeed);
    }

    /** Sobol quasi-random points (the seed is not used: the sequence is deterministic). */
    public static SampledDesign sobol(List<SweepParameter> parameters, int samples) {
        return new SampledDesign("sobol", parameters, samples, 0);
    }

    /** Fisher–Yates shuffle of 0..n-1 driven by counter-based uniforms of one stream key. */
    private static int[] permutation(int n, long key) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int k = (int) Math.floor(RandomStreams.uniform(key, i, 0) * (i + 1));
            k = Math.min(k, i);
            int t = p[i];
            p[i] = p[k];
            p[k] = t;
        }
        return p;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public List<SweepParameter> parameters() {
        return parameters;
    }

    @Override
    public int cells() {
        return samples;
    }

    /** The unit-cube point of cell {@code c}, each coordinate in [0, 1). */
    public double[] point(int c) {
        if (c < 0 || c >= samples) {
            throw new IndexOutOfBoundsException("cell " + c + " of " + samples);
        }
        int d = parameters.size();
        double[] u = new double[d];
        switch (kind) {
            case "random" -> {
                for (int j = 0; j < d; j++) {
                    u[j] = RandomStreams.uniform(randomKey, c, j);
                }
            }
            case "lhs" -> {
                for (int j = 0; j < d; j++) {
                    double x = (strata[j][c] + RandomStreams.uniform(jitterKey, c, j)) / samples;
                    u[j] = Math.min(x, Math.nextDown((strata[j][c] + 1.0) / samples));
                }
            }
            default -> {
                double[] s;
                synchronized (sobol) {
                    s = sobol.skipTo(c);
                }
                for (int j = 0; j < d; j++) {
                    u[j] = Math.min(s[j], Math.nextDown(1.0));
                }
            }
        }
        return u;
    }

    @Override
    public List<ParameterValue> cell(int c) {
        double[] u = point(c);
        List<ParameterValue> out = new ArrayList<>(u.length);
        for (int j = 0; j < u.length; j++) {
            out.add(parameters.get(j).at(u[j]));
        }
        return out;
    }
}
