package eu.cloudmarket.engine;

/**
 * The simulation clock and its future-event list. Time is a {@code double} in model units (quarters in this
 * project); the scheduler itself attaches no meaning to it. Events are run in (time, band, sequence) order until the
 * horizon is reached or the list is empty.
 *
 * <p>Time precision: quarter indices are small integers and sub-quarter offsets are fractions, so times stay exact
 * enough for ordering far beyond any realistic horizon. Scheduling in the past, or at NaN or infinite times, is
 * refused.
 */
public final class Scheduler {
    private final FutureEventList events;
    private final EventList.Polled polled = new EventList.Polled();
    private double now;
    private long executed;
    private boolean stopped;

    /** A scheduler on a {@link CalendarEventList} with buckets one time unit wide. */
    public Scheduler() {
        this(new CalendarEventList());
    }

    /** A scheduler on the given (empty) event list; every implementation yields the same order. */
    public Scheduler(FutureEventList events) {
        this.events = events;
    }

    public double now() {
        return now;
    }

    public long executedCount() {
        return executed;
    }

    public int pendingCount() {
        return events.size();
    }

    /** Schedules {@code handler} at absolute time {@code time} in band {@code band}. */
    public void schedule(double time, Band band, EventHandler handler, int arg) {
        if (!Double.isFinite(time)) {
            throw new IllegalArgumentException("cannot schedule at non-finite time " + time);
        }
        if (time < now) {
            throw new IllegalArgumentException("cannot schedule in the past: time " + time + " < now " + now);
        }
        if (band == null || handler == null) {
            throw new NullPointerException("band and handler are required");
        }
        if (band.rank() < 0 || band.rank() > Band.MAX_RANK) {
            throw new IllegalArgumentException("band rank must be in [0, " + Band.MAX_RANK + "], was " + band.rank());
        }
        events.add(time, band, handler, arg);
    }

    /** Schedules with argument 0. */
    public void schedule(double time, Band band, EventHandler handler) {
        schedule(time, band, handler, 0);
    }

    /** Schedules {@code delay} time units from now. */
    public void scheduleIn(double delay, Band band, EventHandler handler, int arg) {
        if (!(delay >= 0)) {
            throw new IllegalArgumentException("delay must be >= 0, was " + delay);
        }
        schedule(now + delay, band, handler, arg);
    }

    /** Stops the run after the current event. */
    public void stop() {
        stopped = true;
    }

    /**
     * Runs events with time strictly below {@code horizon}. Events at or after the horizon stay pending. The clock is
     * left at the time of the last executed event.
     */
    public void runUntil(double horizon) {
        stopped = false;
        while (!stopped && events.pollBefore(horizon, polled)) {
            now = polled.time;
            EventHandler h = polled.handler;
            int arg = polled.arg;
            polled.handler = null;
            executed++;
            h.onEvent(this, arg);
        }
    }
}
