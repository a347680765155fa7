package eu.cloudmarket.model;

import eu.cloudmarket.engine.random.DrawSlot;
import eu.cloudmarket.engine.random.DrawSlot.Kind;
import java.util.List;

/**
 * The streams and slots of a buyer's counter-based random draws ({@code RandomStreams.uniform/normal(streamKey,
 * buyerId, slot)}): each names what the draw decides. Within a stream the slots are laid out one after another
 * ({@link DrawSlot#then}), so no two draws of a buyer consume the same underlying uniform and its attributes are
 * independent. The layout is part of a run's identity: changing it changes every output of a seed.
 */
final class DrawSlots {
    /** Stream of the buyer's attributes: one slot per attribute. */
    static final String ATTRIBUTE_STREAM = "buyer-attributes";
    /** Uniform: the buyer's country. */
    static final DrawSlot COUNTRY = DrawSlot.first("country", Kind.UNIFORM);
    /** Normal: the multiplier on the segment's price sensitivity α. */
    static final DrawSlot ALPHA = COUNTRY.then("alpha", Kind.NORMAL);
    /** Normal: the multiplier on the segment's switching cost κ. */
    static final DrawSlot SWITCHING = ALPHA.then("switching", Kind.NORMAL);
    /** Normal: the data intensity (multiplier on the egress part of κ). */
    static final DrawSlot DATA_INTENSITY = SWITCHING.then("data-intensity", Kind.NORMAL);
    /** Normal: the workload. */
    static final DrawSlot WORKLOAD = DATA_INTENSITY.then("workload", Kind.NORMAL);
    /** Uniform: the offset of the buyer's renewals within a quarter. */
    static final DrawSlot RENEWAL_OFFSET = WORKLOAD.then("renewal-offset", Kind.UNIFORM);
    /** Uniform: the quarter of the first renewal within the first contract. */
    static final DrawSlot FIRST_RENEWAL = RENEWAL_OFFSET.then("first-renewal", Kind.UNIFORM);
    /** Every slot of {@link #ATTRIBUTE_STREAM}, in layout order. */
    static final List<DrawSlot> ATTRIBUTES = List.of(COUNTRY, ALPHA, SWITCHING, DATA_INTENSITY, WORKLOAD,
            RENEWAL_OFFSET, FIRST_RENEWAL);

    /** Stream of the buyer's provider at the start. */
    static final String INITIAL_CHOICE_STREAM = "initial-choice";
    /** Uniform: the provider chosen at the start. */
    static final DrawSlot INITIAL_CHOICE = DrawSlot.first("initial-choice", Kind.UNIFORM);

    /**
     * Stream of the buyer's choices at renewals: a uniform per attempt (0 = the first draw, then one per rationing,
     * at most one per provider) of each quarter, at counter quarter·2^{@value #ATTEMPT_BITS} + attempt, so the
     * attempts of a quarter never reach the next quarter's counters whatever the number of providers.
     */
    static final String CHOICE_STREAM = "choice";
    /** Bits of a choice counter that number the attempt within the quarter. */
    static final int ATTEMPT_BITS = 32;

    private DrawSlots() {
    }

    /** The counter of a renewal's draw in {@link #CHOICE_STREAM}: quarter k, attempt a (0 = first draw). */
    static long choice(int quarter, int attempt) {
        return (long) quarter << ATTEMPT_BITS | attempt;
    }
}
