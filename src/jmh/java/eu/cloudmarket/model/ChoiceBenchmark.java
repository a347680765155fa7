package eu.cloudmarket.model;

import eu.cloudmarket.bench.BenchScenarios;
import eu.cloudmarket.scenario.Scenario;
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

/**
 * Buyer decisions per second in the model's own choice code ({@link BuyerDecision#choose(int, int)}: utilities from the
 * per-segment caches and the buyer's tastes, nested logit with σ = 0.3, the counter-based uniform draw, the capacity
 * check), on one thread, for the baseline market with {@code buyers} agents after its first quarter's price setting,
 * at the baseline's nesting parameter σ = 0.3 and at σ = 0 (plain logit, like {@code BareLogitBenchmark}).
 * Buyers are visited in index order ({@code sequential}: the columns stream from memory, as in a run, where buyers
 * are stored in the order of their renewal offsets and a quarter's renewals come in that order) or in a random
 * permutation ({@code random}: every column read is a cache miss at 10^6 buyers, as it was before buyers were stored
 * in renewal order). The market is not changed except for the rationing counters.
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:exec@jmh -Djmh="ChoiceBenchmark"}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class ChoiceBenchmark {
    static final int BATCH = 100_000;

    @Param({"1000000"})
    int buyers;
    @Param({"sequential", "random"})
    String order;
    /** The nesting parameter: the baseline's 0.3, or 0 (plain logit, the model of the bare kernel). */
    @Param({"0.3", "0"})
    String sigma;

    BuyerDecision decision;
    int[] visit;
    int cursor;

    @Setup(Level.Trial)
    public void setup() {
        Scenario s = BenchScenarios.baseline("buyers.count=" + buyers, "market.nestingSigma=" + sigma);
        Market market = new Market(s.params(), s.events(), s.stochastic(), s.seed(), 0, null);
        market.scheduler().runUntil(Math.ulp(0.0)); // quarter 0's price setting (events at time 0 only)
        market.view().utilities().refresh();
        decision = market.decision();
        visit = new int[buyers];
        for (int i = 0; i < buyers; i++) {
            visit[i] = i;
        }
        if (order.equals("random")) {
            SplittableRandom r = new SplittableRandom(1);
            for (int i = buyers - 1; i > 0; i--) {
                int x = r.nextInt(i + 1);
                int t = visit[i];
                visit[i] = visit[x];
                visit[x] = t;
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int decisions() {
        BuyerDecision d = decision;
        int[] v = visit;
        int n = v.length;
        int c = cursor;
        int acc = 0;
        for (int b = 0; b < BATCH; b++) {
            acc += d.choose(v[c], 0);
            if (++c == n) {
                c = 0;
            }
        }
        cursor = c;
        return acc;
    }
}
