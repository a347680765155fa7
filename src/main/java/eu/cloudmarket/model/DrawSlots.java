package eu.cloudmarket.model;

/**
 * The slots of the counter-based random draws ({@code RandomStreams.uniform/normal(streamKey, buyerId, slot)}): each
 * buyer's draws from a stream are numbered, and a number names what the draw decides. The values are part of a run's
 * identity: changing one changes every output of a seed.
 */
final class DrawSlots {
    // Stream "buyer-attributes": one draw per attribute.
    /** Uniform: the buyer's country. */
    static final int COUNTRY = 0;
    /** Normal: the multiplier on the segment's price sensitivity α. */
    static final int ALPHA = 1;
    /** Normal: the multiplier on the segment's switching cost κ. */
    static final int SWITCHING = 2;
    /** Normal: the data intensity (multiplier on the egress part of κ). */
    static final int DATA_INTENSITY = 3;
    /** Normal: the workload. */
    static final int WORKLOAD = 4;
    /** Uniform: the offset of the buyer's renewals within a quarter. */
    static final int RENEWAL_OFFSET = 5;
    /** Uniform: the quarter of the first renewal within the first contract. */
    static final int FIRST_RENEWAL = 6;

    // Stream "initial-choice".
    /** Uniform: the provider chosen at the start. */
    static final int INITIAL_CHOICE = 0;

    // Stream "choice": slot k·CHOICE_SLOTS_PER_QUARTER + a for attempt a (0 = first draw, then one per rationing).
    /** Slots reserved per quarter for a renewal's draws; more than the attempts (at most the number of providers). */
    static final int CHOICE_SLOTS_PER_QUARTER = 16;

    private DrawSlots() {
    }

    /** The slot of the first draw of a renewal in quarter k. */
    static long choice(int quarter) {
        return (long) quarter * CHOICE_SLOTS_PER_QUARTER;
    }
}
