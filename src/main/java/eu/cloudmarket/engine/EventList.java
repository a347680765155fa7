package eu.cloudmarket.engine;

import java.util.Arrays;

/**
 * Future-event list as a binary min-heap on primitive arrays. Entries are ordered by (time, priority band, insertion
 * sequence): events at the same time run band by band, and within a band in the order they were scheduled. The order
 * is total, so ties are deterministic and nothing is ever shuffled.
 *
 * <p>The band and the sequence number are packed into one {@code long} key (band in the top 8 bits, sequence in the
 * lower 56), so a comparison is one double compare and one long compare. Not thread-safe.
 */
public final class EventList implements FutureEventList {
    static final int SEQ_BITS = 56;
    static final long MAX_SEQ = (1L << SEQ_BITS) - 1;

    private double[] times;
    private long[] keys;
    private int[] args;
    private EventHandler[] handlers;
    private int size;
    private long nextSeq;

    public EventList() {
        this(1024);
    }

    public EventList(int initialCapacity) {
        int cap = Math.max(16, initialCapacity);
        times = new double[cap];
        keys = new long[cap];
        args = new int[cap];
        handlers = new EventHandler[cap];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    /** Adds an event; the caller has checked that {@code time} is a valid, not-past time. */
    @Override
    public void add(double time, Band band, EventHandler handler, int arg) {
        if (nextSeq > MAX_SEQ) {
            throw new IllegalStateException("event sequence overflow");
        }
        addKeyed(time, ((long) band.rank() << SEQ_BITS) | nextSeq++, handler, arg);
    }

    /** Adds an event whose (band, sequence) key was assigned by the caller (used by {@link CalendarEventList}). */
    void addKeyed(double time, long key, EventHandler handler, int arg) {
        if (size == times.length) {
            grow();
        }
        siftUp(size++, time, key, handler, arg);
    }

    /** Time of the earliest event; undefined when empty. */
    @Override
    public double peekTime() {
        return times[0];
    }

    /** (band, sequence) key of the earliest event; undefined when empty. */
    long peekKey() {
        return keys[0];
    }

    /** Handler of the earliest event; undefined when empty. */
    EventHandler peekHandler() {
        return handlers[0];
    }

    /** Argument of the earliest event; undefined when empty. */
    int peekArg() {
        return args[0];
    }

    /** Removes the earliest event and hands it to {@code sink}; returns its time. */
    @Override
    public double pollInto(Polled sink) {
        double time = times[0];
        sink.handler = handlers[0];
        sink.arg = args[0];
        sink.time = time;
        removeFirst();
        return time;
    }

    /** Removes the earliest event; undefined when empty. */
    void removeFirst() {
        int last = --size;
        if (last > 0) {
            double t = times[last];
            long k = keys[last];
            EventHandler h = handlers[last];
            int a = args[last];
            handlers[last] = null;
            siftDown(0, t, k, h, a);
        } else {
            handlers[0] = null;
        }
    }

    /** Reusable holder for a polled event, so polling allocates nothing. */
    public static final class Polled {
        public double time;
        public EventHandler handler;
        public int arg;
    }

    private void siftUp(int pos, double t, long k, EventHandler h, int a) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            double pt = times[parent];
            if (pt < t || (pt == t && keys[parent] < k)) {
                break;
            }
            times[pos] = pt;
            keys[pos] = keys[parent];
            handlers[pos] = handlers[parent];
            args[pos] = args[parent];
            pos = parent;
        }
        times[pos] = t;
        keys[pos] = k;
        handlers[pos] = h;
        args[pos] = a;
    }

    private void siftDown(int pos, double t, long k, EventHandler h, int a) {
        int half = size >>> 1;
        while (pos < half) {
            int child = 2 * pos + 1;
            int right = child + 1;
            if (right < size && (times[right] < times[child]
                    || (times[right] == times[child] && keys[right] < keys[child]))) {
                child = right;
            }
            double ct = times[child];
            if (t < ct || (t == ct && k < keys[child])) {
                break;
            }
            times[pos] = ct;
            keys[pos] = keys[child];
            handlers[pos] = handlers[child];
            args[pos] = args[child];
            pos = child;
        }
        times[pos] = t;
        keys[pos] = k;
        handlers[pos] = h;
        args[pos] = a;
    }

    private void grow() {
        int cap = times.length * 2;
        times = Arrays.copyOf(times, cap);
        keys = Arrays.copyOf(keys, cap);
        args = Arrays.copyOf(args, cap);
        handlers = Arrays.copyOf(handlers, cap);
    }
}
