package eu.cloudmarket.engine.random;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * One independent stream of pseudo-random numbers: xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom
 * number generators", ACM TOMS 2021) seeded through SplitMix64. Implements commons-math3's {@link RandomGenerator}
 * so that commons-math3 distributions can draw from it; it is the only generator they may be given.
 *
 * <p>Seeds are fixed at construction by {@link RandomStreams}; the {@code setSeed} methods of the commons-math3
 * interface are refused so that a stream can never be silently re-seeded. Not thread-safe.
 */
public final class RandomStream implements RandomGenerator {
    private long s0;
    private long s1;
    private long s2;
    private long s3;
    private double nextGaussian = Double.NaN;

    RandomStream(long seed) {
        long z = seed;
        z += SplitMix64.GOLDEN_GAMMA;
        s0 = SplitMix64.mix(z);
        z += SplitMix64.GOLDEN_GAMMA;
        s1 = SplitMix64.mix(z);
        z += SplitMix64.GOLDEN_GAMMA;
        s2 = SplitMix64.mix(z);
        z += SplitMix64.GOLDEN_GAMMA;
        s3 = SplitMix64.mix(z);
    }

    @Override
    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    @Override
    public double nextDouble() {
        return SplitMix64.toUnitDouble(nextLong());
    }

    @Override
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    @Override
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    @Override
    public int nextInt(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + n);
        }
        // Lemire's multiply-shift with rejection, unbiased.
        long m = (nextLong() >>> 32) * n;
        long low = m & 0xffffffffL;
        if (low < n) {
            long threshold = (-n & 0xffffffffL) % n;
            while (low < threshold) {
                m = (nextLong() >>> 32) * n;
                low = m & 0xffffffffL;
            }
        }
        return (int) (m >>> 32);
    }

    @Override
    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            long v = nextLong();
            for (int k = 0; k < 8 && i < bytes.length; k++, v >>>= 8) {
                bytes[i++] = (byte) v;
            }
        }
    }

    /** Standard normal by the polar Marsaglia method, caching the second variate. */
    @Override
    public double nextGaussian() {
        if (!Double.isNaN(nextGaussian)) {
            double g = nextGaussian;
            nextGaussian = Double.NaN;
            return g;
        }
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        double mul = Math.sqrt(-2 * Math.log(s) / s);
        nextGaussian = v2 * mul;
        return v1 * mul;
    }

    /** Exponential variate with the given rate (mean 1/rate), by inversion. */
    public double nextExponential(double rate) {
        return -Math.log1p(-nextDouble()) / rate;
    }

    @Override
    public void setSeed(int seed) {
        throw new UnsupportedOperationException("streams are seeded only by RandomStreams");
    }

    @Override
    public void setSeed(int[] seed) {
        throw new UnsupportedOperationException("streams are seeded only by RandomStreams");
    }

    @Override
    public void setSeed(long seed) {
        throw new UnsupportedOperationException("streams are seeded only by RandomStreams");
    }
}
