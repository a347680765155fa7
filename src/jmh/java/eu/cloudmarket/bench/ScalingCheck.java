package eu.cloudmarket.bench;

import eu.cloudmarket.model.Market;
import eu.cloudmarket.output.RunRecorder;
import eu.cloudmarket.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Time and heap of one baseline run at a given size, measured inside the JVM: wall and CPU time to build the market
 * and to run it, heap in use after a full GC before building, after building, half-way through the horizon and after
 * the run (the market still reachable), and so the peak heap per buyer. Run one size per JVM (as {@code src/jmh/scaling.sh} does) so that sizes do
 * not share warm-up or garbage.
 *
 * <p>Usage: {@code ScalingCheck [key=value ...]}, e.g. {@code buyers.count=1000000 horizon.quarters=20
 * horizon.truncateEvents=true}. Prints one tab-separated line: buyers, quarters, build s, run s (wall), build s, run
 * s (CPU of the main thread), heap MB before and at the largest of the three later points, bytes per buyer (that
 * largest minus before, over buyers), events executed.
 */
public final class ScalingCheck {
    private ScalingCheck() {
    }

    public static void main(String[] args) {
        List<String> sets = new ArrayList<>(List.of(args));
        Scenario s = BenchScenarios.baseline(sets.toArray(new String[0]));
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long before = usedAfterGc();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        RunRecorder rec = new RunRecorder();
        Market m = new Market(s.params(), s.events(), s.stochastic(), s.seed(), 0, rec);
        long t1 = System.nanoTime();
        long c1 = cpu.getCurrentThreadCpuTime();
        long peak = usedAfterGc();
        int quarters = s.params().quarters();
        long c2 = cpu.getCurrentThreadCpuTime();
        long t2 = System.nanoTime();
        m.scheduler().runUntil(quarters / 2);
        long t3 = System.nanoTime();
        long c3 = cpu.getCurrentThreadCpuTime();
        peak = Math.max(peak, usedAfterGc());
        long c4 = cpu.getCurrentThreadCpuTime();
        long t4 = System.nanoTime();
        m.run();
        long t5 = System.nanoTime();
        long c5 = cpu.getCurrentThreadCpuTime();
        peak = Math.max(peak, usedAfterGc());
        int n = s.params().buyerCount();
        System.out.printf(Locale.ROOT, "%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.1f\t%.1f\t%.0f\t%d%n", n, quarters,
                (t1 - t0) / 1e9, (t3 - t2 + t5 - t4) / 1e9, (c1 - c0) / 1e9, (c3 - c2 + c5 - c4) / 1e9,
                before / 1e6, peak / 1e6, (double) (peak - before) / n, m.scheduler().executedCount());
        if (rec.quarters().size() != quarters) {
            throw new IllegalStateException("expected " + quarters + " recorded quarters");
        }
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
