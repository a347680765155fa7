package eu.cloudmarket.bench;

import eu.cloudmarket.engine.CalendarEventList;
import eu.cloudmarket.engine.EventHandler;
import eu.cloudmarket.engine.EventList;
import eu.cloudmarket.engine.FutureEventList;
import eu.cloudmarket.engine.Scheduler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The hold model on the raw event lists, timed by the thread's CPU time (best of 6 rounds of 2,000,000 events), which
 * other processes on a shared machine disturb less than JMH's wall-clock scores. Compares the binary heap, the
 * adaptive calendar list and calendar lists of a few fixed widths, and the {@link Scheduler} on the calendar list and
 * on the binary heap (its checks and one handler call per event included, as in a model: the handler schedules the
 * next event).
 *
 * <p>Usage: {@code HoldCpuTime [pending ...]} (default 1000 100000), e.g. {@code mvn -B -q -Pbench test-compile
 * exec:exec@main -Dbench.main=eu.cloudmarket.bench.HoldCpuTime -Dbench.args="1000 100000"}.
 */
public final class HoldCpuTime {
    private static final double[] EXP = new double[1 << 20];

    private HoldCpuTime() {
    }

    public static void main(String[] args) {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < EXP.length; i++) {
            EXP[i] = -Math.log1p(-r.nextDouble());
        }
        String[] sizes = args.length > 0 ? args : new String[] {"1000", "100000"};
        String[] kinds = {"binaryHeap", "calendar", "calendar-w0.002", "calendar-w0.01", "calendar-w0.05"};
        ThreadMXBean tb = ManagementFactory.getThreadMXBean();
        EventHandler h = (s, x) -> { };
        EventList.Polled p = new EventList.Polled();
        for (String size : sizes) {
            int n = Integer.parseInt(size);
            for (String kind : kinds) {
                FutureEventList l = kind.equals("binaryHeap") ? new EventList()
                        : kind.equals("calendar") ? new CalendarEventList()
                        : new CalendarEventList(Double.parseDouble(kind.substring("calendar-w".length())));
                int c = 0;
                for (int i = 0; i < n; i++) {
                    l.add(EXP[c++ & (EXP.length - 1)], BenchBand.ONLY, h, i);
                }
                double best = Double.MAX_VALUE;
                for (int round = 0; round < 6; round++) {
                    long c0 = tb.getCurrentThreadCpuTime();
                    for (int k = 0; k < 2_000_000; k++) {
                        double t = l.pollInto(p);
                        l.add(t + EXP[c++ & (EXP.length - 1)], BenchBand.ONLY, h, p.arg);
                    }
                    best = Math.min(best, (tb.getCurrentThreadCpuTime() - c0) / 2e6);
                }
                report(kind, n, best);
            }
            for (String kind : new String[] {"scheduler/calendar", "scheduler/binaryHeap"}) {
                Hold hold = new Hold(kind.endsWith("calendar") ? new CalendarEventList() : new EventList());
                for (int i = 0; i < n; i++) {
                    hold.scheduler.schedule(hold.exp(), BenchBand.ONLY, hold, i);
                }
                double best = Double.MAX_VALUE;
                for (int round = 0; round < 6; round++) {
                    hold.remaining = 2_000_000;
                    long c0 = tb.getCurrentThreadCpuTime();
                    hold.scheduler.runUntil(Double.POSITIVE_INFINITY);
                    best = Math.min(best, (tb.getCurrentThreadCpuTime() - c0) / 2e6);
                }
                report(kind, n, best);
            }
        }
    }

    private static void report(String kind, int pending, double nsPerEvent) {
        System.out.printf(Locale.ROOT, "%-20s %7d pending: %6.1f ns CPU per event (%.2f M events/s)%n", kind,
                pending, nsPerEvent, 1000 / nsPerEvent);
    }

    /** The hold model through the scheduler: each event schedules the next at now + Exp(1), until stopped. */
    private static final class Hold implements EventHandler {
        final Scheduler scheduler;
        int remaining;
        private int cursor;

        Hold(FutureEventList list) {
            scheduler = new Scheduler(list);
        }

        double exp() {
            return EXP[cursor++ & (EXP.length - 1)];
        }

        @Override
        public void onEvent(Scheduler s, int arg) {
            s.schedule(s.now() + exp(), BenchBand.ONLY, this, arg);
            if (--remaining == 0) {
                s.stop();
            }
        }
    }
}
