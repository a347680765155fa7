package eu.cloudmarket.engine.random;

import java.util.Objects;

/**
 * A named counter-based draw of one entity: the counters {@code [first, end())} of
 * {@link RandomStreams#uniform(long, long, long)} that it consumes, one for a uniform and two for a normal
 * (Box-Muller). Slots are laid out one after another ({@link #then}), so two draws of an entity never share a
 * counter: a shared counter makes two attributes that should be independent functions of the same number (issue 23:
 * the renewal offset was the angle of the κ multiplier's normal).
 */
public record DrawSlot(String name, Kind kind, long first) {
    /** What a slot draws, and so how many consecutive counters it consumes. */
    public enum Kind {
        UNIFORM(1),
        NORMAL(2);

        private final int width;

        Kind(int width) {
            this.width = width;
        }

        public int width() {
            return width;
        }
    }

    public DrawSlot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (first < 0) {
            throw new IllegalArgumentException("first counter must be >= 0, was " + first);
        }
    }

    /** The first slot of a layout, at counter 0. */
    public static DrawSlot first(String name, Kind kind) {
        return new DrawSlot(name, kind, 0);
    }

    /** The slot laid out right after this one: it starts where this one {@link #end ends}. */
    public DrawSlot then(String name, Kind kind) {
        return new DrawSlot(name, kind, end());
    }

    /** One past the last counter this slot consumes. */
    public long end() {
        return first + kind.width();
    }

    /** Whether the two slots consume a common counter. */
    public boolean overlaps(DrawSlot other) {
        return first < other.end() && other.first < end();
    }
}
