package eu.cloudmarket.engine;

/**
 * A future-event list: a priority queue of (time, band, handler, argument) entries that always yields the entry with
 * the smallest (time, band, insertion sequence). Every implementation gives exactly the same order, so the choice is
 * a matter of speed only; {@code FutureEventListContractTest} checks them against a sorted reference. Not
 * thread-safe.
 *
 * <p>Implementations: {@link EventList} (binary heap on primitive arrays) and {@link CalendarEventList} (time buckets
 * sorted in batches, the default of {@link Scheduler}).
 */
public interface FutureEventList {
    int size();

    default boolean isEmpty() {
        return size() == 0;
    }

    /** Adds an event; the caller has checked that {@code time} is a finite time. */
    void add(double time, Band band, EventHandler handler, int arg);

    /** Time of the earliest event; undefined when empty. */
    double peekTime();

    /** Removes the earliest event and hands it to {@code sink}; returns its time. Undefined when empty. */
    double pollInto(EventList.Polled sink);

    /**
     * If the earliest event's time is below {@code horizon}, removes it into {@code sink} and returns true;
     * otherwise (or when empty) leaves the list as it is and returns false. The scheduler's loop in one call.
     */
    default boolean pollBefore(double horizon, EventList.Polled sink) {
        if (isEmpty() || !(peekTime() < horizon)) {
            return false;
        }
        pollInto(sink);
        return true;
    }
}
