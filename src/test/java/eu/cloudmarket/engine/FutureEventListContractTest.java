package eu.cloudmarket.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link FutureEventList} must meet: events come out in exactly (time, band, insertion sequence)
 * order, whatever the mix of adds and polls. Each implementation (and each bucket width of the calendar list, from
 * much finer to much coarser than the event spacing) is checked against a sorted reference under the same random
 * load, including ties, far-future events, negative times and events added before the current position.
 */
class FutureEventListContractTest {

    static Stream<Arguments> implementations() {
        return Stream.of(
                Arguments.of("binary heap", (Supplier<FutureEventList>) EventList::new),
                Arguments.of("binary heap, tiny start", (Supplier<FutureEventList>) () -> new EventList(1)),
                Arguments.of("calendar width 1", (Supplier<FutureEventList>) CalendarEventList::new),
                Arguments.of("calendar width 0.001", (Supplier<FutureEventList>) () -> new CalendarEventList(0.001)),
                Arguments.of("calendar width 0.25", (Supplier<FutureEventList>) () -> new CalendarEventList(0.25)),
                Arguments.of("calendar width 1000", (Supplier<FutureEventList>) () -> new CalendarEventList(1000)));
    }

    private record Ref(double time, int band, long seq, int arg) {
    }

    /** Numeric time order (so -0.0 and 0.0 tie, as with {@code <}), then band, then insertion sequence. */
    private static final Comparator<Ref> ORDER = ((Comparator<Ref>) (x, y) -> x.time() < y.time() ? -1
            : x.time() > y.time() ? 1 : 0).thenComparingInt(Ref::band).thenComparingLong(Ref::seq);

    private static final TestBand[] BANDS = TestBand.values();
    private static final EventHandler[] HANDLERS = new EventHandler[BANDS.length];

    static {
        for (int b = 0; b < BANDS.length; b++) {
            HANDLERS[b] = (s, a) -> { };
        }
    }

    /** Adds to both, polls from both, and checks every polled event against the reference. */
    private static final class Pair {
        final FutureEventList list;
        final TreeSet<Ref> ref = new TreeSet<>(ORDER);
        final EventList.Polled p = new EventList.Polled();
        long seq;
        int polled;
        double last = Double.NEGATIVE_INFINITY;

        Pair(FutureEventList list) {
            this.list = list;
        }

        void add(double t, int band) {
            int arg = (int) seq;
            list.add(t, BANDS[band], HANDLERS[band], arg);
            ref.add(new Ref(t, band, seq++, arg));
            assertEquals(ref.size(), list.size());
        }

        double poll() {
            Ref e = ref.pollFirst();
            int n = polled;
            assertEquals(e.time(), list.peekTime(), () -> "peek at poll " + n);
            double t;
            if (n % 2 == 0) {
                t = list.pollInto(p);
            } else {
                // pollBefore: nothing at a horizon equal to the next time, the event just above it.
                assertTrue(!list.pollBefore(e.time(), p), () -> "pollBefore at the next time, poll " + n);
                assertEquals(ref.size() + 1, list.size());
                assertTrue(list.pollBefore(Math.nextUp(e.time()), p), () -> "pollBefore above it, poll " + n);
                t = p.time;
            }
            assertEquals(e.time(), t, () -> "time at poll " + n);
            assertEquals(e.time(), p.time);
            assertEquals(e.arg(), p.arg, () -> "argument (insertion order) at poll " + n);
            assertSame(HANDLERS[e.band()], p.handler, () -> "band at poll " + n);
            assertEquals(ref.size(), list.size());
            polled++;
            return t;
        }

        void drain() {
            while (!ref.isEmpty()) {
                poll();
            }
            assertTrue(list.isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void allAddedThenDrainedComeOutSorted(String name, Supplier<FutureEventList> make) {
        Pair p = new Pair(make.get());
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            p.add(r.nextInt(200) / 8.0, r.nextInt(BANDS.length));
        }
        p.drain();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void holdModelWithTiesAndSchedulerLikeTimes(String name, Supplier<FutureEventList> make) {
        Pair p = new Pair(make.get());
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            p.add(r.nextDouble() * 5, r.nextInt(BANDS.length));
        }
        for (int i = 0; i < 50_000; i++) {
            double now = p.poll();
            int kind = r.nextInt(10);
            double t = switch (kind) {
                case 0 -> now; // same instant: must run after everything already queued at now in its band
                case 1 -> Math.floor(now) + 1; // the next whole unit, where many ties collect
                case 2 -> now + 100 + r.nextDouble() * 1000; // far ahead (calendar overflow)
                default -> now + -Math.log1p(-r.nextDouble());
            };
            p.add(t, r.nextInt(BANDS.length));
            if (r.nextInt(50) == 0) {
                p.add(now + r.nextDouble() * 0.01, r.nextInt(BANDS.length));
            }
        }
        p.drain();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void largeBucketsInRandomOrderWithNearAndExactTies(String name, Supplier<FutureEventList> make) {
        // Buckets of thousands of events in no order (the calendar list radix-sorts those), with times a few ulps
        // apart (which share a radix key and need the exact tie-break) and exact ties across bands.
        Pair p = new Pair(make.get());
        SplittableRandom r = new SplittableRandom(17);
        for (int i = 0; i < 30_000; i++) {
            double centre = r.nextInt(4000) / 800.0;
            double t = switch (r.nextInt(20)) {
                case 0, 1 -> centre + r.nextInt(3) * Math.ulp(centre);
                case 2 -> centre;
                default -> r.nextDouble() * 5;
            };
            p.add(t, r.nextInt(BANDS.length));
        }
        for (int i = 0; i < 30_000; i++) {
            double now = p.poll();
            double t = r.nextInt(4) == 0 ? now + r.nextInt(3) * Math.ulp(now) : now + 5 * r.nextDouble();
            p.add(t, r.nextInt(BANDS.length));
        }
        p.drain();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void arbitraryTimesIncludingPastNegativeAndHuge(String name, Supplier<FutureEventList> make) {
        Pair p = new Pair(make.get());
        SplittableRandom r = new SplittableRandom(99);
        double[] specials = {0.0, -0.0, -1e12, 1e15, 1e300, -1e300, Double.MIN_VALUE, 1e-300, 3.5, 3.5, 64.0, 65.0};
        for (int round = 0; round < 200; round++) {
            int adds = r.nextInt(60);
            for (int i = 0; i < adds; i++) {
                double t = r.nextInt(8) == 0 ? specials[r.nextInt(specials.length)]
                        : (r.nextDouble() - 0.3) * Math.pow(10, r.nextInt(7));
                p.add(t, r.nextInt(BANDS.length));
            }
            int polls = Math.min(p.ref.size(), r.nextInt(60));
            for (int i = 0; i < polls; i++) {
                p.poll();
            }
        }
        p.drain();
        // Reusable after running dry, at earlier and later times than before.
        p.add(-5, 0);
        p.add(1e9, 1);
        p.add(2, 2);
        p.drain();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void bucketsFilledByTimeOrderedStreamsLikeBuyerRenewals(String name, Supplier<FutureEventList> make) {
        // Buyers renew at quarter + a fixed offset and reschedule contractQuarters later: buckets are filled by a
        // few interleaved ascending streams, the case the calendar list's natural merge sort is built for.
        Pair p = new Pair(make.get());
        SplittableRandom r = new SplittableRandom(3);
        int n = 10_000;
        float[] offset = new float[n];
        int[] contract = new int[n];
        int[] lengths = {2, 4, 12};
        for (int i = 0; i < n; i++) {
            offset[i] = (float) (0.99 * r.nextDouble());
            contract[i] = lengths[r.nextInt(3)];
            p.add(r.nextInt(contract[i]) + offset[i], 3);
        }
        for (int k = 0; k < 30; k++) {
            p.add(k, 2);
            p.add(k + 0.9999, 4);
        }
        List<Ref> fired = new ArrayList<>();
        while (!p.ref.isEmpty()) {
            Ref next = p.ref.first();
            p.poll();
            fired.add(next);
            if (next.band() == 3 && next.time() < 25) {
                int i = next.arg() % n;
                double t = Math.floor(next.time()) + contract[i] + offset[i];
                p.list.add(t, BANDS[3], HANDLERS[3], i);
                p.ref.add(new Ref(t, 3, p.seq++, i));
            }
        }
        assertTrue(fired.size() > 40_000);
    }

    @org.junit.jupiter.api.Test
    void adaptiveCalendarRescalesWithDensityWithoutChangingTheOrder() {
        CalendarEventList cal = new CalendarEventList();
        Pair p = new Pair(cal);
        SplittableRandom r = new SplittableRandom(11);
        // Dense: 30,000 events within two time units (the 1.0-wide start buckets are far too full).
        for (int i = 0; i < 30_000; i++) {
            p.add(r.nextDouble() * 2, r.nextInt(BANDS.length));
        }
        for (int i = 0; i < 20_000; i++) {
            double now = p.poll();
            p.add(now + r.nextDouble() * 2, r.nextInt(BANDS.length));
        }
        double dense = cal.width();
        assertTrue(dense < 0.05, "width after the dense phase: " + dense);
        // Sparse: the same number of events spread over a million time units (buckets now far too empty).
        for (int i = 0; i < 60_000; i++) {
            double now = p.poll();
            p.add(now + r.nextDouble() * 1e6, r.nextInt(BANDS.length));
        }
        assertTrue(cal.width() > dense * 100, "width after the sparse phase: " + cal.width());
        p.drain();
    }
}
