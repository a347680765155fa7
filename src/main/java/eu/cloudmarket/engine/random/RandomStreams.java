package eu.cloudmarket.engine.random;

import java.util.Objects;

/**
 * Derives independent, reproducible random streams for one replication of one run. A stream depends only on
 * (master seed, stream name, entity id, replication), never on how many streams were opened before it or in which
 * order, so adding an agent or a stream does not perturb the others, and replication r of every sweep cell sees the
 * same random inputs (common random numbers).
 *
 * <p>Two kinds of randomness are offered: sequential {@link RandomStream}s, and stateless counter-based uniforms
 * ({@link #uniform(long, long, long)}) for per-agent draws that must not depend on event order. Named per-agent
 * draws go through a {@link DrawSlot}, which says which counters they consume.
 */
public final class RandomStreams {
    private final long masterSeed;
    private final int replication;

    public RandomStreams(long masterSeed, int replication) {
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0, was " + replication);
        }
        this.masterSeed = masterSeed;
        this.replication = replication;
    }

    public long masterSeed() {
        return masterSeed;
    }

    public int replication() {
        return replication;
    }

    /** The 64-bit key of stream (name, entity) in this replication. */
    public long key(String name, long entity) {
        Objects.requireNonNull(name, "name");
        long state = SplitMix64.mix(masterSeed ^ 0x6a09e667f3bcc908L);
        state = SplitMix64.mix(state ^ SplitMix64.hash(name));
        state = SplitMix64.mix(state ^ (entity * SplitMix64.GOLDEN_GAMMA));
        state = SplitMix64.mix(state ^ ((long) replication * 0xd1b54a32d192ed03L));
        return state;
    }

    /** Opens the sequential stream (name, entity). Opening the same key twice yields two identical streams. */
    public RandomStream open(String name, long entity) {
        return new RandomStream(key(name, entity));
    }

    public RandomStream open(String name) {
        return open(name, 0);
    }

    /**
     * Counter-based uniform in [0, 1): a pure function of (stream key, a, b). Used for per-agent draws such as the
     * n-th decision of buyer i, so a draw does not depend on the order in which other agents act.
     */
    public static double uniform(long streamKey, long a, long b) {
        long z = SplitMix64.mix(streamKey ^ (a * SplitMix64.GOLDEN_GAMMA));
        z = SplitMix64.mix(z ^ (b * 0xc2b2ae3d27d4eb4fL) ^ 0x165667b19e3779f9L);
        return SplitMix64.toUnitDouble(z);
    }

    /** The uniform of a named {@link DrawSlot.Kind#UNIFORM} slot: the slot's one counter. */
    public static double uniform(long streamKey, long a, DrawSlot slot) {
        requireKind(slot, DrawSlot.Kind.UNIFORM);
        return uniform(streamKey, a, slot.first());
    }

    /**
     * Standard normal of a named {@link DrawSlot.Kind#NORMAL} slot, from the uniforms of its two counters
     * (Box-Muller, cosine branch). The counters belong to the slot alone, so no other draw of the entity sees the
     * normal's radius or angle.
     */
    public static double normal(long streamKey, long a, DrawSlot slot) {
        requireKind(slot, DrawSlot.Kind.NORMAL);
        double u1 = uniform(streamKey, a, slot.first());
        double u2 = uniform(streamKey, a, slot.first() + 1);
        return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static void requireKind(DrawSlot slot, DrawSlot.Kind kind) {
        if (slot.kind() != kind) {
            throw new IllegalArgumentException("slot " + slot.name() + " draws a " + slot.kind() + ", not a " + kind);
        }
    }
}
