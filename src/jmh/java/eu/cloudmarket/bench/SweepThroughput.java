package eu.cloudmarket.bench;

import eu.cloudmarket.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Sweep throughput: runs of the baseline at its default size (or {@code buyers.count=...} and other overrides),
 * replications 0, 1, 2, ... spread over a fixed thread pool, the way a sweep runs its cells on all cores. Each run
 * builds and runs a market and records its quarter snapshots in memory (no files). Prints runs per second over the
 * measured runs, after warm-up runs that let the JIT compile the model, and the CPU time the worker threads spent per
 * run (on a machine shared with other work the wall-clock rate understates what dedicated cores give; the CPU time
 * per run gives the rate on {@code threads} otherwise idle cores as threads × 1000 / CPU ms per run).
 *
 * <p>Usage: {@code SweepThroughput [--threads N] [--runs N] [--warmup N] [key=value ...]}; run it with
 * {@code mvn -B -q -Pbench test-compile exec:exec@main -Dbench.main=eu.cloudmarket.bench.SweepThroughput
 * -Dbench.args="--threads 2 --runs 400"}.
 */
public final class SweepThroughput {
    private SweepThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        int runs = 400;
        int warmup = 100;
        List<String> sets = new ArrayList<>();
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--threads" -> threads = Integer.parseInt(args[++a]);
                case "--runs" -> runs = Integer.parseInt(args[++a]);
                case "--warmup" -> warmup = Integer.parseInt(args[++a]);
                default -> sets.add(args[a]);
            }
        }
        Scenario s = BenchScenarios.baseline(sets.toArray(new String[0]));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            AtomicLong cpu = new AtomicLong();
            batch(pool, threads, s, next, warmup, cpu);
            cpu.set(0);
            long t0 = System.nanoTime();
            batch(pool, threads, s, next, runs, cpu);
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpuMs = cpu.get() / 1e6 / runs;
            System.out.printf(Locale.ROOT,
                    "sweep: %d runs of %s (%d buyers, %d quarters) on %d threads in %.2f s: %.1f runs/s wall;"
                            + " %.1f ms CPU per run, i.e. %.1f runs/s on %d idle cores%n",
                    runs, s.name(), s.params().buyerCount(), s.params().quarters(), threads, secs, runs / secs,
                    cpuMs, threads * 1000 / cpuMs, threads);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void batch(ExecutorService pool, int threads, Scenario s, AtomicInteger next, int runs,
            AtomicLong cpu) throws Exception {
        AtomicInteger left = new AtomicInteger(runs);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                ThreadMXBean tb = ManagementFactory.getThreadMXBean();
                long c0 = tb.getCurrentThreadCpuTime();
                while (left.getAndDecrement() > 0) {
                    BenchScenarios.runOnce(s, next.getAndIncrement());
                }
                cpu.addAndGet(tb.getCurrentThreadCpuTime() - c0);
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
    }
}
