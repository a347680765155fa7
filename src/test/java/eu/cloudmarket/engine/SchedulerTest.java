package eu.cloudmarket.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    @Test
    void eventsRunInTimeOrder() {
        Scheduler s = new Scheduler();
        List<Integer> seen = new ArrayList<>();
        EventHandler h = (sch, arg) -> seen.add(arg);
        s.schedule(3.0, TestBand.FOURTH, h, 3);
        s.schedule(1.0, TestBand.FOURTH, h, 1);
        s.schedule(2.5, TestBand.FOURTH, h, 2);
        s.runUntil(10);
        assertEquals(List.of(1, 2, 3), seen);
        assertEquals(3.0, s.now());
    }

    @Test
    void tiesBreakByBandThenBySchedulingOrder() {
        Scheduler s = new Scheduler();
        List<String> seen = new ArrayList<>();
        s.schedule(1.0, TestBand.SIXTH, (x, a) -> seen.add("sixth"), 0);
        s.schedule(1.0, TestBand.FOURTH, (x, a) -> seen.add("fourth-a"), 0);
        s.schedule(1.0, TestBand.FIRST, (x, a) -> seen.add("first"), 0);
        s.schedule(1.0, TestBand.FOURTH, (x, a) -> seen.add("fourth-b"), 0);
        s.schedule(1.0, TestBand.THIRD, (x, a) -> seen.add("third"), 0);
        s.schedule(1.0, TestBand.SECOND, (x, a) -> seen.add("second"), 0);
        s.schedule(1.0, TestBand.FIFTH, (x, a) -> seen.add("fifth"), 0);
        s.runUntil(2);
        assertEquals(List.of("first", "second", "third", "fourth-a", "fourth-b", "fifth", "sixth"), seen);
    }

    @Test
    void manyTiesKeepFifoOrderWithinBand() {
        Scheduler s = new Scheduler();
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            s.schedule(5.0, TestBand.FOURTH, (x, a) -> seen.add(a), i);
        }
        s.runUntil(6);
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, seen.get(i));
        }
    }

    @Test
    void eventsScheduledDuringRunAtSameTimeRunAfterEarlierOnes() {
        Scheduler s = new Scheduler();
        List<String> seen = new ArrayList<>();
        s.schedule(1.0, TestBand.FOURTH, (x, a) -> {
            seen.add("a");
            x.schedule(1.0, TestBand.FOURTH, (y, b) -> seen.add("c"), 0);
        }, 0);
        s.schedule(1.0, TestBand.FOURTH, (x, a) -> seen.add("b"), 0);
        s.runUntil(2);
        assertEquals(List.of("a", "b", "c"), seen);
    }

    @Test
    void refusesToScheduleInThePastOrAtInvalidTimes() {
        Scheduler s = new Scheduler();
        s.schedule(2.0, TestBand.FOURTH, (x, a) -> {
            assertThrows(IllegalArgumentException.class, () -> x.schedule(1.0, TestBand.FOURTH, (y, b) -> { }, 0));
        }, 0);
        s.runUntil(3);
        assertEquals(2.0, s.now());
        assertThrows(IllegalArgumentException.class, () -> s.schedule(1.5, TestBand.FOURTH, (y, b) -> { }, 0));
        assertThrows(IllegalArgumentException.class, () -> s.schedule(Double.NaN, TestBand.FOURTH, (y, b) -> { }, 0));
        assertThrows(IllegalArgumentException.class,
                () -> s.schedule(Double.POSITIVE_INFINITY, TestBand.FOURTH, (y, b) -> { }, 0));
        assertThrows(IllegalArgumentException.class, () -> s.scheduleIn(-0.5, TestBand.FOURTH, (y, b) -> { }, 0));
        assertThrows(IllegalArgumentException.class, () -> s.schedule(3.0, () -> Band.MAX_RANK + 1, (y, b) -> { }, 0));
    }

    @Test
    void runUntilStopsBeforeTheHorizonAndKeepsLaterEvents() {
        Scheduler s = new Scheduler();
        List<Double> seen = new ArrayList<>();
        for (double t : new double[] {0.5, 1.0, 1.999, 2.0, 3.0}) {
            s.schedule(t, TestBand.FOURTH, (x, a) -> seen.add(x.now()), 0);
        }
        s.runUntil(2.0);
        assertEquals(List.of(0.5, 1.0, 1.999), seen);
        assertEquals(2, s.pendingCount());
    }

    @Test
    void heapMatchesASortedReferenceUnderRandomLoad() {
        EventList list = new EventList(4);
        java.util.SplittableRandom r = new java.util.SplittableRandom(42);
        record E(double t, int band, long seq) { }
        List<E> ref = new ArrayList<>();
        TestBand[] bands = TestBand.values();
        for (int i = 0; i < 5000; i++) {
            double t = r.nextInt(50) / 4.0;
            int b = r.nextInt(bands.length);
            list.add(t, bands[b], (x, a) -> { }, i);
            ref.add(new E(t, b, i));
        }
        ref.sort(java.util.Comparator.comparingDouble(E::t).thenComparingInt(E::band).thenComparingLong(E::seq));
        EventList.Polled p = new EventList.Polled();
        for (E e : ref) {
            list.pollInto(p);
            assertEquals(e.t(), p.time);
            assertEquals((int) e.seq(), p.arg);
        }
        assertEquals(0, list.size());
    }
}
