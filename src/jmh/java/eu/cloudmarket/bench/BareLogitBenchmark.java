package eu.cloudmarket.bench;

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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine's yardstick for {@code ChoiceBenchmark}: the bare logit-choice kernel of the reference figures
 * (1,000,000 buyers, 6 providers, per-buyer taste draws from {@link SplittableRandom}, plain multinomial logit, one
 * uniform per decision), with no model around it. Each decision draws the buyer's price sensitivity (log-normal,
 * mean one) and a uniform, computes six utilities, their maximum, six exponentials and the cumulative sum. The ratio
 * of {@code ChoiceBenchmark} to this score says how close the model's real choice code (nested logit with its extra
 * nest weights, switching costs, availability and the capacity check) comes to the bare kernel on the same machine.
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:exec@jmh -Djmh="BareLogitBenchmark"}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class BareLogitBenchmark {
    public static final int BATCH = 100_000;
    static final int BUYERS = 1_000_000;
    static final int PROVIDERS = 6;

    double[] quality;
    double[] price;
    double[] v;
    int[] chosen;
    SplittableRandom random;
    int cursor;

    @Setup(Level.Trial)
    public void setup() {
        quality = new double[] {1.2, 1.0, 0.8, 0.5, 0.4, 0.0};
        price = new double[] {1.0, 1.05, 0.95, 0.9, 0.85, 0.7};
        v = new double[PROVIDERS];
        chosen = new int[BUYERS];
        random = new SplittableRandom(20250101);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int decisions() {
        double[] q = quality;
        double[] p = price;
        double[] u = v;
        int[] out = chosen;
        SplittableRandom r = random;
        int c = cursor;
        int acc = 0;
        for (int b = 0; b < BATCH; b++) {
            // Per-buyer taste: log-normal price sensitivity with mean one (sd 0.5), from a Box-Muller normal.
            double z = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            double alpha = 2.0 * Math.exp(0.5 * z - 0.125);
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < PROVIDERS; j++) {
                u[j] = q[j] - alpha * p[j];
                max = Math.max(max, u[j]);
            }
            double total = 0;
            for (int j = 0; j < PROVIDERS; j++) {
                u[j] = Math.exp(u[j] - max);
                total += u[j];
            }
            double draw = r.nextDouble() * total;
            int j = 0;
            double cum = u[0];
            while (draw >= cum && j < PROVIDERS - 1) {
                cum += u[++j];
            }
            out[c] = j;
            acc += j;
            if (++c == BUYERS) {
                c = 0;
            }
        }
        cursor = c;
        return acc;
    }
}
