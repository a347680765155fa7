package eu.cloudmarket.model;

/**
 * Buyer agents stored as columns (one primitive array per attribute), so a million buyers cost a few dozen bytes
 * each and the choice loop touches no objects. The provider column holds the provider index, or {@link #onPremises}
 * for the outside option.
 *
 * <p>A buyer's identity is {@link #id}: its attributes and its random draws come from streams keyed by it. Buyers are
 * stored (index {@code i}) in order of their renewal offset within the quarter, so the renewals of a quarter, which
 * the event list delivers in time order, visit the columns front to back: at a million buyers that turns a dozen
 * cache misses per renewal into streaming reads.
 */
final class Buyers {
    final int n;
    /** The buyer's identity, which keys its random streams; a permutation of 0..n-1. */
    final int[] id;
    /** Value of {@link #provider} for buyers on premises (the outside option). */
    final int onPremises;
    final byte[] segment;
    final byte[] country;
    final byte[] provider;
    /** Workload at the start (EUR bn per quarter at reference prices, after normalisation). */
    final float[] workload;
    /** Multiplier on the segment's price sensitivity α (mean 1). */
    final float[] alphaMult;
    /** Multiplier on the segment's switching cost κ (mean 1). */
    final float[] kappaMult;
    /** Data intensity: multiplier on the egress part of κ (mean 1). */
    final float[] dataIntensity;
    /** Contract price of general compute locked at the last signing. */
    final float[] priceGeneral;
    /** Contract price of AI compute locked at the last signing. */
    final float[] priceAi;
    /** Offset of the buyer's renewals within a quarter, in [0, 0.99). */
    final float[] offset;
    /** Quarter index of the next renewal (or review, for buyers on premises). */
    final int[] renewQuarter;

    Buyers(int n, int onPremises) {
        this.n = n;
        this.onPremises = onPremises;
        id = new int[n];
        segment = new byte[n];
        country = new byte[n];
        provider = new byte[n];
        workload = new float[n];
        alphaMult = new float[n];
        kappaMult = new float[n];
        dataIntensity = new float[n];
        priceGeneral = new float[n];
        priceAi = new float[n];
        offset = new float[n];
        renewQuarter = new int[n];
    }

    /** Indices of the buyers with ids 0, step, 2·step, ..., in id order (a systematic sample by identity). */
    int[] indicesOfIds(int step) {
        int[] indexOf = new int[n];
        for (int i = 0; i < n; i++) {
            indexOf[id[i]] = i;
        }
        int[] out = new int[(n + step - 1) / step];
        for (int s = 0; s < out.length; s++) {
            out[s] = indexOf[s * step];
        }
        return out;
    }

    boolean inCloud(int i) {
        return provider[i] != onPremises;
    }
}
