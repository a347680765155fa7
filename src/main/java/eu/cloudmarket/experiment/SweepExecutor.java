package eu.cloudmarket.experiment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntPredicate;

/**
 * Runs a sweep's runs on a fixed number of threads. Workers take the next run id in increasing order, so at any time
 * at most {@code threads} runs are in memory, whatever the size of the sweep. Each finished run, successful or not,
 * goes to the {@link Journal} as soon as it completes (the sweep's journal writes it durably to disk); a run
 * that throws is recorded with its error and the sweep goes on. Results do not depend on the number of threads,
 * because each run owns its market and random streams and the result files are later sorted by run id.
 */
public final class SweepExecutor {
    /** Computes one run's metrics; may throw, which records the run as failed. */
    @FunctionalInterface
    public interface RunTask {
        double[] run(RunSpec spec) throws Exception;
    }

    /** Receives finished runs, one at a time (calls are serialised). */
    @FunctionalInterface
    public interface Journal {
        void record(RunOutcome outcome) throws IOException;
    }

    /** Told after each run is recorded (calls are serialised). */
    @FunctionalInterface
    public interface Listener {
        void finished(RunOutcome outcome, int done, int failed, int total);

        Listener NONE = (o, d, f, t) -> {
        };
    }

    /**
     * What an execution did.
     *
     * @param total  runs selected
     * @param done   runs finished (successful or failed)
     * @param failed run ids of failed runs
     */
    public record Result(int total, int done, BitSet failed) {
        public int failedCount() {
            return failed.cardinality();
        }
    }

    private final SweepPlan plan;
    private final int threads;

    public SweepExecutor(SweepPlan plan, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.plan = plan;
        this.threads = threads;
    }

    /**
     * Runs every run id {@code id} with {@code include.test(id)}.
     *
     * @throws IOException if the journal cannot record a run (the sweep stops: results could not be kept)
     */
    public Result execute(IntPredicate include, RunTask task, Journal journal, Listener listener)
            throws IOException, InterruptedException {
        int n = plan.totalRuns();
        int total = 0;
        for (int id = 0; id < n; id++) {
            if (include.test(id)) {
                total++;
            }
        }
        State state = new State(n, include, total);
        int workers = Math.max(1, Math.min(threads, total));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "sweep-worker");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    work(state, task, journal, listener);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    state.stop.set(true);
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            state.stop.set(true);
            pool.shutdownNow();
        }
        return new Result(total, state.done, state.failed);
    }

    private void work(State state, RunTask task, Journal journal, Listener listener) throws IOException {
        while (!state.stop.get()) {
            int id = state.next();
            if (id < 0) {
                return;
            }
            RunSpec spec = plan.run(id);
            RunOutcome outcome;
            try {
                outcome = new RunOutcome(spec, task.run(spec), null);
            } catch (Throwable e) { // a failing run, whatever the cause, is recorded and the sweep goes on
                outcome = new RunOutcome(spec, null, RunOutcome.describe(e));
            }
            state.record(outcome, journal, listener);
        }
    }

    /** Shared by the workers: the run-id cursor and the counters. */
    private static final class State {
        final int n;
        final IntPredicate include;
        final int total;
        final BitSet failed = new BitSet();
        final AtomicBoolean stop = new AtomicBoolean();
        int cursor;
        int done;

        State(int n, IntPredicate include, int total) {
            this.n = n;
            this.include = include;
            this.total = total;
        }

        synchronized int next() {
            while (cursor < n) {
                int id = cursor++;
                if (include.test(id)) {
                    return id;
                }
            }
            return -1;
        }

        synchronized void record(RunOutcome o, Journal journal, Listener listener) throws IOException {
            journal.record(o);
            done++;
            if (!o.ok()) {
                failed.set(o.spec().runId());
            }
            listener.finished(o, done, failed.cardinality(), total);
        }
    }
}
