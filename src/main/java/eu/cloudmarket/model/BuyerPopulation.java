package eu.cloudmarket.model;

import eu.cloudmarket.engine.random.RandomStreams;
import eu.cloudmarket.model.params.MarketParams;
import eu.cloudmarket.model.params.SegmentParams;

/**
 * Draws the buyer agents: segment (systematic sampling, so segment weights hold exactly), country and tastes (random,
 * from the buyer's own draws, {@link DrawSlots}), workload and the timing of its renewals.
 */
final class BuyerPopulation {
    /**
     * Dispersion (log-normal σ) of buyers' data intensity, the multiplier on the egress part of switching costs.
     * Assumption: no source gives the spread of data gravity across buyers; 0.5 puts 90% of buyers within a factor
     * of about 2.3 of the mean.
     */
    static final double DATA_INTENSITY_DISPERSION = 0.5;
    /**
     * Renewals fall at offsets in [0, RENEWAL_OFFSET_SPAN) of a quarter. Assumption: below 1 so that every renewal
     * runs before the quarter's end-of-quarter accounts (at 0.9999).
     */
    static final double RENEWAL_OFFSET_SPAN = 0.99;

    private BuyerPopulation() {
    }

    /** Draws {@code params.buyerCount()} buyers from the stream with key {@code attrKey}. */
    static Buyers draw(MarketParams params, Roster roster, long attrKey) {
        Buyers b = new Buyers(params.buyerCount(), roster.nP);
        double[] segCum = cumulative(params.segments().values().stream().mapToDouble(SegmentParams::weight).toArray());
        double[] ctyCum = cumulative(params.countries().values().stream().mapToDouble(Double::doubleValue).toArray());
        // Buyer `id` draws its attributes from the streams keyed by id; it is stored at the slot given by the rank of
        // its renewal offset (ties by id), so that the renewals of a quarter, which come in offset order, read the
        // columns front to back instead of at random (Buyers).
        int n = b.n;
        long[] byOffset = new long[n];
        for (int id = 0; id < n; id++) {
            byOffset[id] = (long) Float.floatToIntBits(offset(attrKey, id)) << 32 | id;
        }
        java.util.Arrays.sort(byOffset); // offsets are non-negative floats: their bit patterns sort as the numbers
        for (int i = 0; i < n; i++) {
            int id = (int) byOffset[i];
            // Systematic sampling for segments (exact weights), random for countries and tastes.
            int g = pick(segCum, (id + 0.5) / n);
            int c = pick(ctyCum, RandomStreams.uniform(attrKey, id, DrawSlots.COUNTRY));
            SegmentParams s = roster.sp[g];
            b.id[i] = id;
            b.segment[i] = (byte) g;
            b.country[i] = (byte) c;
            b.alphaMult[i] = (float) lognormalMeanOne(s.alphaDispersion(),
                    RandomStreams.normal(attrKey, id, DrawSlots.ALPHA));
            b.kappaMult[i] = (float) lognormalMeanOne(s.switchingDispersion(),
                    RandomStreams.normal(attrKey, id, DrawSlots.SWITCHING));
            b.dataIntensity[i] = (float) lognormalMeanOne(DATA_INTENSITY_DISPERSION,
                    RandomStreams.normal(attrKey, id, DrawSlots.DATA_INTENSITY));
            b.workload[i] = (float) lognormalMeanOne(s.spendDispersion(),
                    RandomStreams.normal(attrKey, id, DrawSlots.WORKLOAD));
            b.offset[i] = offset(attrKey, id);
            b.renewQuarter[i] = (int) Math.floor(RandomStreams.uniform(attrKey, id, DrawSlots.FIRST_RENEWAL)
                    * s.contractQuarters());
        }
        return b;
    }

    /** Buyer id's renewal offset within a quarter, in [0, {@link #RENEWAL_OFFSET_SPAN}). */
    private static float offset(long attrKey, int id) {
        return (float) (RENEWAL_OFFSET_SPAN * RandomStreams.uniform(attrKey, id, DrawSlots.RENEWAL_OFFSET));
    }

    /** A log-normal multiplier with mean one: exp(σz − σ²/2). */
    private static double lognormalMeanOne(double sd, double z) {
        return sd == 0 ? 1.0 : Math.exp(sd * z - 0.5 * sd * sd);
    }

    private static double[] cumulative(double[] w) {
        double total = 0;
        for (double x : w) {
            total += x;
        }
        double[] c = new double[w.length];
        double run = 0;
        for (int i = 0; i < w.length; i++) {
            run += w[i] / total;
            c[i] = run;
        }
        c[w.length - 1] = 1.0;
        return c;
    }

    private static int pick(double[] cum, double u) {
        for (int i = 0; i < cum.length; i++) {
            if (u < cum[i]) {
                return i;
            }
        }
        return cum.length - 1;
    }
}
