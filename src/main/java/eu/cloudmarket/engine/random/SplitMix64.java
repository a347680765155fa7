package eu.cloudmarket.engine.random;

/**
 * SplitMix64 mixing function (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014;
 * finaliser constants "Mix13" from D. Stafford's variant 13). Used to derive seeds and counter-based variates.
 */
public final class SplitMix64 {
    /** The golden-ratio increment 0x9e3779b97f4a7c15 (2^64 / phi). */
    public static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private SplitMix64() {
    }

    /** Bijective 64-bit finaliser: avalanches every input bit into every output bit. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a 64-bit hash of a string's UTF-16 code units, for turning stream names into numbers. */
    public static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** Maps 64 random bits to a double uniform in [0, 1) with 53 bits of precision. */
    public static double toUnitDouble(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }
}
