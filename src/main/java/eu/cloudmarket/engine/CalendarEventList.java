package eu.cloudmarket.engine;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Future-event list for many pending events (a calendar queue, Brown 1988, with sorted batches): time is cut into
 * buckets of one width, far events are appended to their bucket unsorted, and a bucket is sorted in one batch when
 * the clock reaches it. The order is exactly that of {@link EventList}: (time, priority band, insertion sequence),
 * total and deterministic; only the speed differs.
 *
 * <p>Layout. Let {@code idx(t) = floor(t / width)} and {@code cur} the index of the current bucket.
 * <ul>
 *   <li>the <em>near</em> set holds every event with {@code idx <= cur}: the sorted run of the current bucket
 *       (consumed front to back) plus a binary heap for events scheduled into it after it was opened;</li>
 *   <li>a ring of {@value #RING} buckets holds the events with {@code cur < idx < cur + RING}, each bucket as
 *       parallel primitive arrays in insertion order;</li>
 *   <li>a binary heap holds the events further ahead (overflow).</li>
 * </ul>
 * Because {@code idx} is non-decreasing in time, every near event precedes every event in the ring or the overflow,
 * so the earliest event is the smaller of the run's head and the near heap's top. When the near set runs dry the next
 * non-empty bucket is sorted and becomes the new run: by a natural merge sort if it is small or made of a few
 * ascending runs (existing runs are kept, so a bucket filled by a few time-ordered streams, as buyer renewals are,
 * sorts in a few linear passes), otherwise by a radix sort on the times' positions within the bucket, with exact
 * (time, key) order restored among the events that share a position.
 *
 * <p>The default list adapts its width to the density of events, aiming at buckets of about 1/{@value #SPREAD} of
 * the pending events (at least {@value #MIN_TARGET}); a rescale re-buckets all pending events and happens at most
 * once per {@code size()} events delivered. A fixed width can be given instead. Cost: O(1) to add a far event and
 * O(1) (radix) or O(log b) (merge) per event to sort a bucket of b events, with memory accessed within the bucket,
 * against O(log n) scattered accesses per event for one binary heap over all n pending events. The width never
 * affects the order. Memory: about 24 bytes per pending event plus the spare capacity of the bucket arrays (a new
 * bucket gets room for at most 16 times the mean events per bucket, and at most 3 spare blocks are kept). Not
 * thread-safe.
 */
public final class CalendarEventList implements FutureEventList {
    /** Number of buckets in the ring (a power of two). */
    static final int RING = 1 << 12;
    /**
     * The adaptive width aims at buckets of {@code max(MIN_TARGET, size / SPREAD)} events, so that the bulk of the
     * pending events spreads over a few dozen buckets whatever their number: appends then go to a few dozen array
     * tails that stay in cache, and each bucket is still small enough to sort cheaply.
     */
    static final int SPREAD = 64;
    static final int MIN_TARGET = 16;
    /** Smallest and largest initial capacity of a bucket's arrays. */
    private static final int BLOCK = 64;
    private static final int MAX_BLOCK = 1 << 15;
    private static final int MASK = RING - 1;
    private static final int HALF = RING / 2;
    /** Spare blocks kept for reuse; more are left to the garbage collector, so memory follows the pending events. */
    private static final int MAX_POOL = 3;
    /** Runs shorter than this are extended by insertion sort before merging. */
    private static final int MIN_RUN = 32;
    /**
     * Buckets of at least {@code RADIX_MIN} events with at least {@code FEW_RUNS} descents (that many ascending runs
     * and more) are radix-sorted; smaller or nearly ordered ones are merged.
     */
    private static final int RADIX_MIN = 256;
    private static final int FEW_RUNS = 16;

    private final boolean adaptive;
    private double width;
    private double invWidth;
    /** Moving average of the sizes of opened buckets, and events opened since the last change of width. */
    private double meanOpened;
    private long openedSinceResize;
    private int resizes;
    /** Initial capacity of new bucket arrays: about the mean size of opened buckets, so few grow. */
    private int blockCap = BLOCK;
    private final Block[] ring = new Block[RING];
    private final ArrayDeque<Block> pool = new ArrayDeque<>();
    private final EventList nearHeap = new EventList(256);
    private final EventList overflow = new EventList(16);
    /** Sorted events of the current bucket; {@code runPos} is the next to deliver. */
    private Block run;
    private int runPos;
    private long cur;
    private long ringEnd;
    private int ringCount;
    /** Ring buckets that hold events. */
    private int buckets;
    private int size;
    private long nextSeq;
    private int[] runStarts = new int[64];
    /** Scratch of the radix sort: the events' keys q, two index orders and the counts of each key byte. */
    private int[] radixQ = new int[0];
    private int[] radixPerm = new int[0];
    private int[] radixTmp = new int[0];
    private final int[][] radixCount = new int[3][256];

    /**
     * A calendar list whose bucket width adapts to the density of events: it starts one time unit wide and is
     * rescaled (all pending events re-bucketed, at most once per {@code size()} events delivered) when opened
     * buckets hold on average more than 4 or fewer than 1/4 times max(16, size / 64) events.
     */
    public CalendarEventList() {
        this(1.0, true);
    }

    /** A calendar list with buckets of a fixed {@code width} time units. */
    public CalendarEventList(double width) {
        this(width, false);
    }

    private CalendarEventList(double width, boolean adaptive) {
        if (!(width > 0) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("bucket width must be positive and finite, was " + width);
        }
        this.adaptive = adaptive;
        this.width = width;
        this.invWidth = 1.0 / width;
        this.run = new Block(16);
        anchor(0);
    }

    /** Current bucket width (time units). */
    public double width() {
        return width;
    }

    /** Parallel arrays of events; in a ring bucket in insertion order, in the run sorted. */
    private static final class Block {
        double[] t;
        long[] k;
        int[] a;
        EventHandler[] h;
        int size;

        Block(int cap) {
            t = new double[cap];
            k = new long[cap];
            a = new int[cap];
            h = new EventHandler[cap];
        }

        void ensure(int cap) {
            if (cap > t.length) {
                int n = Math.max(cap, t.length + (t.length >> 1));
                t = Arrays.copyOf(t, n);
                k = Arrays.copyOf(k, n);
                a = Arrays.copyOf(a, n);
                h = Arrays.copyOf(h, n);
            }
        }

        void append(double time, long key, EventHandler handler, int arg) {
            int n = size;
            if (n == t.length) {
                ensure(n + 1);
            }
            t[n] = time;
            k[n] = key;
            a[n] = arg;
            h[n] = handler;
            size = n + 1;
        }

        /** Copies event {@code x} of {@code s} to position {@code o} of this block. */
        void put(int o, Block s, int x) {
            t[o] = s.t[x];
            k[o] = s.k[x];
            a[o] = s.a[x];
            h[o] = s.h[x];
        }

        boolean less(int i, int j) {
            return t[i] < t[j] || (t[i] == t[j] && k[i] < k[j]);
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public void add(double time, Band band, EventHandler handler, int arg) {
        if (nextSeq > EventList.MAX_SEQ) {
            throw new IllegalStateException("event sequence overflow");
        }
        long key = ((long) band.rank() << EventList.SEQ_BITS) | nextSeq++;
        if (size == 0) {
            // Nothing pending: re-anchor the window half a ring before this event, so that it and events up to
            // RING/2 buckets earlier (such as a model's start-up events, often scheduled after later ones) land in
            // the ring rather than in the near heap.
            long idx = index(time);
            anchor(idx - HALF < idx ? idx - HALF : idx);
        }
        size++;
        place(time, key, handler, arg);
    }

    /** Puts an event in the near heap, its ring bucket or the overflow heap, by its bucket index. */
    private void place(double time, long key, EventHandler handler, int arg) {
        long idx = index(time);
        if (idx <= cur) {
            nearHeap.addKeyed(time, key, handler, arg);
        } else if (idx < ringEnd) {
            int slot = (int) idx & MASK;
            Block b = ring[slot];
            if (b == null) {
                b = bucketBlock();
                ring[slot] = b;
            }
            b.append(time, key, handler, arg);
            ringCount++;
        } else {
            overflow.addKeyed(time, key, handler, arg);
        }
    }

    @Override
    public double peekTime() {
        if (runPos == run.size && nearHeap.isEmpty()) {
            advance();
        }
        return runFirst() ? run.t[runPos] : nearHeap.peekTime();
    }

    @Override
    public double pollInto(EventList.Polled sink) {
        if (runPos == run.size && nearHeap.isEmpty()) {
            advance();
        }
        size--;
        if (runFirst()) {
            int p = runPos++;
            Block r = run;
            double time = r.t[p];
            sink.time = time;
            sink.handler = r.h[p];
            sink.arg = r.a[p];
            r.h[p] = null;
            return time;
        }
        return nearHeap.pollInto(sink);
    }

    @Override
    public boolean pollBefore(double horizon, EventList.Polled sink) {
        if (size == 0) {
            return false;
        }
        if (runPos == run.size && nearHeap.isEmpty()) {
            advance();
        }
        if (runFirst()) {
            int p = runPos;
            Block r = run;
            double time = r.t[p];
            if (!(time < horizon)) {
                return false;
            }
            runPos = p + 1;
            size--;
            sink.time = time;
            sink.handler = r.h[p];
            sink.arg = r.a[p];
            r.h[p] = null;
            return true;
        }
        if (!(nearHeap.peekTime() < horizon)) {
            return false;
        }
        size--;
        nearHeap.pollInto(sink);
        return true;
    }

    /** Whether the next event comes from the sorted run rather than the near heap (near set not empty). */
    private boolean runFirst() {
        int p = runPos;
        Block r = run;
        if (p == r.size) {
            return false;
        }
        if (nearHeap.isEmpty()) {
            return true;
        }
        double t = r.t[p];
        double ht = nearHeap.peekTime();
        return t < ht || (t == ht && r.k[p] < nearHeap.peekKey());
    }

    private long index(double time) {
        return (long) Math.floor(time * invWidth);
    }

    private void anchor(long c) {
        cur = c;
        ringEnd = c > Long.MAX_VALUE - RING ? Long.MAX_VALUE : c + RING;
    }

    /** The near set is empty and events remain: open the next non-empty bucket. */
    private void advance() {
        if (size == 0) {
            throw new java.util.NoSuchElementException("the event list is empty");
        }
        long next;
        if (ringCount > 0) {
            next = cur + 1;
            while (ring[(int) next & MASK] == null || ring[(int) next & MASK].size == 0) {
                next++;
            }
        } else {
            next = index(overflow.peekTime());
        }
        anchor(next);
        // The consumed run's arrays go back to the pool.
        runPos = 0;
        release(run);
        int slot = (int) next & MASK;
        Block bucket = ring[slot];
        if (bucket != null && bucket.size > 0) {
            ring[slot] = null;
            buckets--;
            ringCount -= bucket.size;
            run = sortBucket(bucket, next);
            if (adaptive && considerResize(run)) {
                return;
            }
        } else {
            run = pool.isEmpty() ? new Block(16) : pool.pop();
        }
        // Overflow events that now fall inside the window move to the near heap or to their bucket.
        while (!overflow.isEmpty()) {
            long idx = index(overflow.peekTime());
            if (idx > cur && idx >= ringEnd) {
                break; // still beyond the window (the test on cur matters only where ringEnd saturates)
            }
            double t = overflow.peekTime();
            long k = overflow.peekKey();
            EventHandler h = overflow.peekHandler();
            int a = overflow.peekArg();
            overflow.removeFirst();
            if (idx <= cur) {
                nearHeap.addKeyed(t, k, h, a);
            } else {
                int s = (int) idx & MASK;
                Block b = ring[s];
                if (b == null) {
                    b = bucketBlock();
                    ring[s] = b;
                }
                b.append(t, k, h, a);
                ringCount++;
            }
        }
    }

    /**
     * Tracks the size of the bucket just opened (sorted in {@code opened}) and, when buckets are persistently more
     * than 4 times too full or too empty for the target size, re-buckets everything at the width that hits it.
     * Returns whether it did (the near set is then rebuilt by a fresh {@link #advance}).
     */
    private boolean considerResize(Block opened) {
        int n = opened.size;
        meanOpened = meanOpened == 0 ? n : 0.875 * meanOpened + 0.125 * n;
        blockCap = blockCapacity(meanOpened);
        openedSinceResize += n;
        if (openedSinceResize < (resizes == 0 ? n : size)) {
            return false; // amortised: a rebuild costs O(size), so at most one per size() events
        }
        double target = Math.max(MIN_TARGET, (double) size / SPREAD);
        boolean tooFull = meanOpened > 4 * target && opened.t[n - 1] > opened.t[0]; // ties cannot be split
        boolean tooEmpty = meanOpened < target / 4 && size >= 4 * SPREAD * MIN_TARGET; // a short list needs none
        if (!tooFull && !tooEmpty) {
            return false;
        }
        blockCap = blockCapacity(target);
        rebuild(width * target / meanOpened);
        advance();
        return true;
    }

    /** New bucket arrays hold a mean bucket with some room, but at most {@value #MAX_BLOCK} events. */
    private static int blockCapacity(double meanBucket) {
        return (int) Math.max(BLOCK, Math.min(MAX_BLOCK, 1.25 * meanBucket));
    }

    /**
     * Arrays for a bucket that is about to receive its first event: {@link #blockCap} events, so that a typical bucket
     * never grows (growing copies every array), but no more than 16 times the pending events per non-empty bucket, so
     * that many sparse buckets cannot hold more than 16 spare slots per pending event. A pooled block is reused if it
     * is large enough; smaller ones are dropped.
     */
    private Block bucketBlock() {
        buckets++;
        int cap = (int) Math.min(blockCap, Math.max(BLOCK, 16L * size / buckets));
        while (!pool.isEmpty()) {
            Block b = pool.pop();
            if (b.t.length >= cap) {
                return b;
            }
        }
        return new Block(cap);
    }

    /** Collects every pending event and places it again with buckets {@code newWidth} wide. Order is unaffected. */
    private void rebuild(double newWidth) {
        int n = size;
        double[] t = new double[n];
        long[] k = new long[n];
        int[] a = new int[n];
        EventHandler[] h = new EventHandler[n];
        int c = 0;
        for (int p = runPos; p < run.size; p++, c++) {
            t[c] = run.t[p];
            k[c] = run.k[p];
            a[c] = run.a[p];
            h[c] = run.h[p];
            run.h[p] = null;
        }
        runPos = 0;
        run.size = 0;
        for (EventList heap : new EventList[] {nearHeap, overflow}) {
            while (!heap.isEmpty()) {
                t[c] = heap.peekTime();
                k[c] = heap.peekKey();
                a[c] = heap.peekArg();
                h[c] = heap.peekHandler();
                heap.removeFirst();
                c++;
            }
        }
        for (int slot = 0; slot < RING; slot++) {
            Block b = ring[slot];
            if (b != null) {
                System.arraycopy(b.t, 0, t, c, b.size);
                System.arraycopy(b.k, 0, k, c, b.size);
                System.arraycopy(b.a, 0, a, c, b.size);
                System.arraycopy(b.h, 0, h, c, b.size);
                c += b.size;
                Arrays.fill(b.h, 0, b.size, null);
                ring[slot] = null;
                release(b);
            }
        }
        ringCount = 0;
        buckets = 0;
        double min = Double.POSITIVE_INFINITY;
        double scale = 1;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, t[i]);
            scale = Math.max(scale, Math.abs(t[i]));
        }
        // Keep bucket indices far from long overflow: at least 2^-50 of the largest time in magnitude.
        width = Math.min(1e300, Math.max(newWidth, scale * 0x1p-50));
        invWidth = 1.0 / width;
        resizes++;
        openedSinceResize = 0;
        meanOpened = 0;
        long first = index(min);
        anchor(first - 1 < first ? first - 1 : first);
        for (int i = 0; i < n; i++) {
            place(t[i], k[i], h[i], a[i]);
        }
    }

    /**
     * Sorts bucket {@code idx} by (time, key) and returns the block that holds the sorted events (the other one goes
     * back to the pool). A bucket made of a few ascending streams (as a model's renewals are) is merged
     * ({@link #mergeSort}); a bucket in no particular order (as in the hold model) is radix-sorted on its times
     * ({@link #radixSort}), which moves each event three times instead of once per merge level with a
     * hard-to-predict comparison at every move.
     */
    private Block sortBucket(Block src, long idx) {
        int n = src.size;
        if (n >= RADIX_MIN) {
            int descents = 0;
            for (int i = 1; i < n; i++) {
                descents += src.less(i, i - 1) ? 1 : 0;
            }
            if (descents >= FEW_RUNS) {
                Block sorted = radixSort(src, idx);
                if (sorted != null) {
                    return sorted;
                }
            }
        }
        return mergeSort(src);
    }

    /**
     * Radix sort of a bucket: each event gets a 24-bit key q, its time's position within the bucket's interval
     * (q = floor((t / width - idx) · 2^24), non-decreasing in t, because rounding is monotone), the events are put
     * in order of q by a stable three-pass LSD radix sort of their indices and gathered into a spare block, and
     * events that share a q (equal or nearly equal times) are then put in exact (time, key) order by insertion sort.
     * Events with different q are already in time order, so the result is exactly the (time, key) order. Returns
     * null, changing nothing, if too many events share a q (times far beyond 2^53 widths, or heavy ties): the merge
     * sort handles those.
     */
    private Block radixSort(Block src, long idx) {
        int n = src.size;
        if (radixQ.length < n) {
            int cap = Math.max(n, radixQ.length * 2);
            radixQ = new int[cap];
            radixPerm = new int[cap];
            radixTmp = new int[cap];
        }
        int[] q = radixQ;
        for (int[] c : radixCount) {
            Arrays.fill(c, 0);
        }
        double[] t = src.t;
        double base = idx;
        double inv = invWidth;
        for (int i = 0; i < n; i++) {
            double f = t[i] * inv - base;
            int qi = (int) (f * 0x1p24);
            qi = qi < 0 ? 0 : Math.min(qi, 0xFFFFFF);
            q[i] = qi;
            for (int d = 0; d < 3; d++) {
                radixCount[d][(qi >>> (8 * d)) & 0xFF]++;
            }
        }
        // Three stable passes, least significant byte first, each reading the order the last one wrote.
        int[] order = radixPerm;
        int[] next = radixTmp;
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int d = 0; d < 3; d++) {
            int[] count = radixCount[d];
            prefixSums(count);
            int shift = 8 * d;
            for (int o = 0; o < n; o++) {
                int i = order[o];
                next[count[(q[i] >>> shift) & 0xFF]++] = i;
            }
            int[] swap = order;
            order = next;
            next = swap;
        }
        int[] sorted = order;
        // Events sharing a q must be few, or the insertion sort below would be quadratic.
        int shared = 0;
        for (int o = 1; o < n; o++) {
            shared += q[sorted[o]] == q[sorted[o - 1]] ? 1 : 0;
        }
        if (shared > n / 8 + 16) {
            return null;
        }
        Block dst = pool.isEmpty() ? new Block(n) : pool.pop();
        dst.ensure(n);
        for (int o = 0; o < n; o++) {
            dst.put(o, src, sorted[o]);
        }
        dst.size = n;
        if (shared > 0) {
            int start = 0;
            for (int o = 1; o <= n; o++) {
                if (o == n || q[sorted[o]] != q[sorted[start]]) {
                    if (o - start > 1) {
                        insertionSort(dst, start, start + 1, o);
                    }
                    start = o;
                }
            }
        }
        Arrays.fill(src.h, 0, n, null);
        release(src);
        return dst;
    }

    private static void prefixSums(int[] count) {
        int sum = 0;
        for (int d = 0; d < count.length; d++) {
            int c = count[d];
            count[d] = sum;
            sum += c;
        }
    }

    /**
     * Sorts a bucket by (time, key): natural merge sort, ascending runs of at least {@link #MIN_RUN} (shorter ones
     * extended by insertion sort) merged pairwise, ping-ponging between the bucket and a spare block. Returns the
     * block that holds the sorted events; the other one goes back to the pool.
     */
    private Block mergeSort(Block src) {
        int n = src.size;
        int runs = 0;
        int i = 0;
        while (i < n) {
            int start = i;
            i++;
            while (i < n && src.less(i - 1, i)) {
                i++;
            }
            if (i - start < MIN_RUN && i < n) {
                int end = Math.min(n, start + MIN_RUN);
                insertionSort(src, start, i, end);
                i = end;
            }
            if (runs + 1 >= runStarts.length) {
                runStarts = Arrays.copyOf(runStarts, runStarts.length * 2);
            }
            runStarts[runs++] = start;
        }
        runStarts[runs] = n;
        if (runs <= 1) {
            return src;
        }
        Block dst = pool.isEmpty() ? new Block(n) : pool.pop();
        dst.ensure(n);
        while (runs > 1) {
            int out = 0;
            for (int r = 0; r < runs; r += 2) {
                int lo = runStarts[r];
                int mid = runStarts[Math.min(r + 1, runs)];
                int hi = runStarts[Math.min(r + 2, runs)];
                merge(src, dst, lo, mid, hi);
                runStarts[out++] = lo;
            }
            runStarts[out] = n;
            runs = out;
            Block tmp = src;
            src = dst;
            dst = tmp;
        }
        src.size = n;
        Arrays.fill(dst.h, 0, n, null);
        release(dst);
        return src;
    }

    /** Returns an emptied block to the pool, or drops it when the pool is full. */
    private void release(Block b) {
        b.size = 0;
        if (pool.size() < MAX_POOL) {
            pool.push(b);
        }
    }

    /** Inserts elements [sorted, end) into the sorted prefix [start, sorted). */
    private static void insertionSort(Block b, int start, int sorted, int end) {
        double[] t = b.t;
        long[] k = b.k;
        int[] a = b.a;
        EventHandler[] h = b.h;
        for (int i = sorted; i < end; i++) {
            double ti = t[i];
            long ki = k[i];
            int ai = a[i];
            EventHandler hi = h[i];
            int j = i - 1;
            while (j >= start && (t[j] > ti || (t[j] == ti && k[j] > ki))) {
                t[j + 1] = t[j];
                k[j + 1] = k[j];
                a[j + 1] = a[j];
                h[j + 1] = h[j];
                j--;
            }
            t[j + 1] = ti;
            k[j + 1] = ki;
            a[j + 1] = ai;
            h[j + 1] = hi;
        }
    }

    /** Merges the sorted ranges [lo, mid) and [mid, hi) of {@code s} into the same positions of {@code d}. */
    private static void merge(Block s, Block d, int lo, int mid, int hi) {
        double[] st = s.t;
        long[] sk = s.k;
        int[] sa = s.a;
        EventHandler[] sh = s.h;
        double[] dt = d.t;
        long[] dk = d.k;
        int[] da = d.a;
        EventHandler[] dh = d.h;
        int i = lo;
        int j = mid;
        int o = lo;
        if (mid < hi && mid > lo && !s.less(mid, mid - 1)) {
            // Already in order: plain copy.
            System.arraycopy(st, lo, dt, lo, hi - lo);
            System.arraycopy(sk, lo, dk, lo, hi - lo);
            System.arraycopy(sa, lo, da, lo, hi - lo);
            System.arraycopy(sh, lo, dh, lo, hi - lo);
            return;
        }
        while (i < mid && j < hi) {
            int x;
            if (st[j] < st[i] || (st[j] == st[i] && sk[j] < sk[i])) {
                x = j++;
            } else {
                x = i++;
            }
            d.put(o++, s, x);
        }
        int rest = i < mid ? i : j;
        int len = hi - o;
        System.arraycopy(st, rest, dt, o, len);
        System.arraycopy(sk, rest, dk, o, len);
        System.arraycopy(sa, rest, da, o, len);
        System.arraycopy(sh, rest, dh, o, len);
    }
}
