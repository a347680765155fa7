package eu.cloudmarket.properties;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Seeds for property tests: try {@code i} uses the {@code i}-th number drawn from a generator seeded with the base
 * seed, and prints that seed when it fails, so every try can be reproduced. The base seed and the number of tries can be changed with
 * {@code -Dcloudmarket.properties.seed=N} and {@code -Dcloudmarket.properties.scale=F} (a factor on the default
 * number of tries); the defaults keep CI deterministic.
 */
final class PropertyRuns {
    static final long BASE_SEED = Long.getLong("cloudmarket.properties.seed", 20250101L);
    static final double SCALE = Double.parseDouble(System.getProperty("cloudmarket.properties.scale", "1"));

    /** One try: its index, its own generator and a label for messages. */
    record Try(int index, long seed) {
        SplittableRandom random() {
            return new SplittableRandom(seed);
        }

        @Override
        public String toString() {
            return "try " + index + " (seed " + seed + ")";
        }
    }

    private PropertyRuns() {
    }

    static Stream<Try> tries(int defaultCount, long salt) {
        int n = Math.max(1, (int) Math.round(defaultCount * SCALE));
        SplittableRandom root = new SplittableRandom(BASE_SEED ^ salt);
        long[] seeds = LongStream.range(0, n).map(i -> root.nextLong()).toArray();
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> new Try(i, seeds[i]));
    }
}
