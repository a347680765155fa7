package eu.cloudmarket.bench;

import eu.cloudmarket.model.Market;
import eu.cloudmarket.output.RunRecorder;
import eu.cloudmarket.scenario.Scenario;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One baseline run end to end in a warm JVM: build the market (buyer draws, BLP calibration, initial choices) and
 * run all 40 quarters, recording the snapshots as the {@code run} command does (without writing files). Each
 * invocation uses the next replication, so no two runs are identical. Default size (20,000 buyers) is what a sweep
 * runs; add {@code -p buyers=1000000} for the large run. {@code build} times the first part alone: building the
 * market, most of which is the calibration of qualities.
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:exec@jmh -Djmh="BaselineRun"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class BaselineRunBenchmark {
    @Param({"20000"})
    int buyers;

    Scenario scenario;
    int replication;

    @Setup(Level.Trial)
    public void setup() {
        scenario = BenchScenarios.baseline("buyers.count=" + buyers);
    }

    @Benchmark
    public RunRecorder run() {
        return BenchScenarios.runOnce(scenario, replication++);
    }

    @Benchmark
    public Market build() {
        Scenario s = scenario;
        return new Market(s.params(), s.events(), s.stochastic(), s.seed(), replication++, null);
    }
}
