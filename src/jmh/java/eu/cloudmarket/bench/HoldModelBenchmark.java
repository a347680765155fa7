package eu.cloudmarket.bench;

import eu.cloudmarket.engine.CalendarEventList;
import eu.cloudmarket.engine.EventHandler;
import eu.cloudmarket.engine.EventList;
import eu.cloudmarket.engine.FutureEventList;
import eu.cloudmarket.engine.Scheduler;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import sim.engine.SimState;
import sim.engine.Steppable;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.Henriksen;
import umontreal.ssj.simevents.eventlist.RedblackTree;
import umontreal.ssj.simevents.eventlist.SplayTree;

/**
 * The hold model (Jones 1986): with {@code pending} events queued, repeatedly take the earliest event and schedule a
 * new one at now + Exp(1). Score: events per second (one event = one removal plus one insertion), side by side for
 * <ul>
 *   <li>{@code cloudmarket}: our {@link Scheduler} (with its checks) on the {@link CalendarEventList} (the default)
 *       or on the binary heap {@link EventList}, one handler serving every event as the model's handlers do;
 *       {@code rawList}: the same two lists without the scheduler;</li>
 *   <li>{@code mason}: MASON 14's {@code sim.engine.Schedule} ({@code scheduleOnce} and {@code step});</li>
 *   <li>{@code ssj}: SSJ 3.3.2's {@code Simulator} with its default splay tree and two other SSJ event lists,
 *       each event an {@code Event} that reschedules itself;</li>
 *   <li>{@code priorityQueue}: {@code java.util.PriorityQueue} of (time, sequence) objects, the reference.</li>
 * </ul>
 * Every variant reads the same precomputed table of Exp(1) variates, so random-number cost is equal and small, and
 * none allocates per event except where the library's own API does (MASON's schedule key).
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:exec@jmh -Djmh="HoldModel"} (see README, "Performance").
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class HoldModelBenchmark {
    /** Events per benchmark invocation. */
    static final int BATCH = 10_000;
    private static final int EXP_BITS = 20;
    private static final int EXP_MASK = (1 << EXP_BITS) - 1;
    /** Exp(1) variates, shared by every variant. */
    static final double[] EXP = new double[1 << EXP_BITS];

    static {
        SplittableRandom r = new SplittableRandom(20250101);
        for (int i = 0; i < EXP.length; i++) {
            EXP[i] = -Math.log1p(-r.nextDouble());
        }
    }

    /** Cursor into the variate table. */
    abstract static class Draws {
        int cursor;

        final double exp() {
            return EXP[cursor++ & EXP_MASK];
        }
    }

    // ---------------------------------------------------------------------------------------------------- ours

    @State(Scope.Thread)
    public static class Ours extends Draws implements EventHandler {
        @Param({"1000", "100000"})
        int pending;
        @Param({"calendar", "binaryHeap"})
        String list;
        Scheduler scheduler;
        int remaining;

        @Setup(Level.Trial)
        public void setup() {
            FutureEventList events = list.equals("calendar") ? new CalendarEventList() : new EventList();
            scheduler = new Scheduler(events);
            for (int i = 0; i < pending; i++) {
                scheduler.schedule(exp(), BenchBand.ONLY, this, i);
            }
        }

        @Override
        public void onEvent(Scheduler s, int arg) {
            s.schedule(s.now() + exp(), BenchBand.ONLY, this, arg);
            if (--remaining == 0) {
                s.stop();
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long cloudmarket(Ours st) {
        st.remaining = BATCH;
        st.scheduler.runUntil(Double.POSITIVE_INFINITY);
        return st.scheduler.executedCount();
    }

    /** The same lists without the scheduler: poll, then add at the polled time + Exp(1). */
    @State(Scope.Thread)
    public static class Raw extends Draws {
        @Param({"1000", "100000"})
        int pending;
        @Param({"calendar", "binaryHeap"})
        String list;
        FutureEventList events;
        final EventList.Polled polled = new EventList.Polled();
        final EventHandler handler = (s, a) -> { };

        @Setup(Level.Trial)
        public void setup() {
            events = list.equals("calendar") ? new CalendarEventList() : new EventList();
            for (int i = 0; i < pending; i++) {
                events.add(exp(), BenchBand.ONLY, handler, i);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double rawList(Raw st) {
        FutureEventList l = st.events;
        EventList.Polled p = st.polled;
        double now = 0;
        for (int b = 0; b < BATCH; b++) {
            now = l.pollInto(p);
            l.add(now + st.exp(), BenchBand.ONLY, p.handler, p.arg);
        }
        return now;
    }

    // ---------------------------------------------------------------------------------------------------- MASON

    @State(Scope.Thread)
    public static class Mason extends Draws implements Steppable {
        private static final long serialVersionUID = 1L;
        @Param({"1000", "100000"})
        int pending;
        SimState state;

        @Setup(Level.Trial)
        public void setup() {
            state = new SimState(20250101L);
            for (int i = 0; i < pending; i++) {
                state.schedule.scheduleOnce(exp(), this);
            }
        }

        @Override
        public void step(SimState s) {
            s.schedule.scheduleOnce(s.schedule.time() + exp(), this);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double mason(Mason st) {
        SimState s = st.state;
        for (int b = 0; b < BATCH; b++) {
            s.schedule.step(s);
        }
        return s.schedule.time();
    }

    // ---------------------------------------------------------------------------------------------------- SSJ

    /** SSJ's simulator with a one-event step (its {@code start()} runs until the list is empty or stopped). */
    static final class SsjSimulator extends Simulator {
        SsjSimulator(umontreal.ssj.simevents.eventlist.EventList list) {
            super(list);
        }

        void stepOne() {
            Event e = removeFirstEvent();
            e.actions();
        }
    }

    static final class SsjHold extends Event {
        private final Draws draws;

        SsjHold(Simulator sim, Draws draws) {
            super(sim);
            this.draws = draws;
        }

        @Override
        public void actions() {
            schedule(draws.exp());
        }
    }

    @State(Scope.Thread)
    public static class Ssj extends Draws {
        @Param({"1000", "100000"})
        int pending;
        @Param({"splayTree", "henriksen", "redblackTree"})
        String list;
        SsjSimulator sim;

        @Setup(Level.Trial)
        public void setup() {
            umontreal.ssj.simevents.eventlist.EventList l = switch (list) {
                case "splayTree" -> new SplayTree();
                case "henriksen" -> new Henriksen();
                case "redblackTree" -> new RedblackTree();
                default -> throw new IllegalArgumentException(list);
            };
            sim = new SsjSimulator(l);
            sim.init();
            for (int i = 0; i < pending; i++) {
                new SsjHold(sim, this).schedule(exp());
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double ssj(Ssj st) {
        SsjSimulator sim = st.sim;
        for (int b = 0; b < BATCH; b++) {
            sim.stepOne();
        }
        return sim.time();
    }

    // ---------------------------------------------------------------------------------------------------- JDK

    static final class Ev implements Comparable<Ev> {
        double time;
        long seq;

        @Override
        public int compareTo(Ev o) {
            int c = Double.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    @State(Scope.Thread)
    public static class Jdk extends Draws {
        @Param({"1000", "100000"})
        int pending;
        PriorityQueue<Ev> queue;
        long seq;

        @Setup(Level.Trial)
        public void setup() {
            queue = new PriorityQueue<>(pending + 1);
            for (int i = 0; i < pending; i++) {
                Ev e = new Ev();
                e.time = exp();
                e.seq = seq++;
                queue.add(e);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double priorityQueue(Jdk st) {
        PriorityQueue<Ev> q = st.queue;
        double now = 0;
        for (int b = 0; b < BATCH; b++) {
            Ev e = q.poll();
            now = e.time;
            e.time = now + st.exp();
            e.seq = st.seq++;
            q.add(e);
        }
        return now;
    }
}
