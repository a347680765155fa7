package eu.cloudmarket.engine;

/**
 * A band that orders events scheduled for the same instant: lower ranks run first, and within a band events run in
 * the order they were scheduled. The engine reads only the rank and attaches no meaning to it: a model defines its
 * own bands.
 */
public interface Band {
    /** Largest rank: the rank is packed into the top bits of the event list's sort key, beside the sequence. */
    int MAX_RANK = 127;

    /** Second sort key of the future-event list, in [0, {@link #MAX_RANK}]. */
    int rank();
}
