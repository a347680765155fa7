package eu.cloudmarket.model;

/**
 * Buyer agents stored as columns (one primitive array per attribute), so a million buyers cost a few dozen bytes
 * each and the choice loop touches no objects. Index {@code i} is the buyer id. The provider column holds the
 * provider index, or {@link #onPremises} for the outside option.
 */
final class Buyers {
    final int n;
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

    boolean inCloud(int i) {
        return provider[i] != onPremises;
    }
}
