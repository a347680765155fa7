package eu.cloudmarket.model;

import eu.cloudmarket.bench.BareLogitBenchmark;
import eu.cloudmarket.bench.BenchScenarios;
import eu.cloudmarket.scenario.Scenario;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Buyer decisions per second timed by the thread's CPU time (best of {@code rounds} passes over every buyer), which
 * other processes on a shared machine disturb less than JMH's wall-clock scores: the model's {@link BuyerDecision#choose(int, int)}
 * on the baseline market (as in {@code ChoiceBenchmark}, buyers in index order) at each nesting parameter given, and
 * the bare logit kernel of {@link BareLogitBenchmark} timed the same way, so that the two can be compared on the
 * same machine in the same run.
 *
 * <p>Usage: {@code ChoiceCpuTime [buyers [rounds [sigma ...]]]} (default 1000000 20 0.3), e.g. {@code mvn -B -q
 * -Pbench test-compile exec:exec@main -Dbench.main=eu.cloudmarket.model.ChoiceCpuTime -Dbench.args="1000000 20 0"}.
 * Time one σ per JVM, as a run has one: the JIT compiles the choice for the first σ it sees, and a second σ in the
 * same JVM runs up to a third slower on code compiled for the first.
 */
public final class ChoiceCpuTime {
    private ChoiceCpuTime() {
    }

    public static void main(String[] args) {
        int buyers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String[] sigmas = args.length > 2 ? java.util.Arrays.copyOfRange(args, 2, args.length)
                : new String[] {"0.3"};
        ThreadMXBean tb = ManagementFactory.getThreadMXBean();
        long acc = 0;
        for (String sigma : sigmas) {
            Scenario s = BenchScenarios.baseline("buyers.count=" + buyers, "market.nestingSigma=" + sigma);
            Market m = new Market(s.params(), s.events(), s.stochastic(), s.seed(), 0, null);
            m.scheduler().runUntil(Math.ulp(0.0)); // quarter 0's price setting
            m.view().utilities().refresh();
            BuyerDecision d = m.decision();
            double best = Double.MAX_VALUE;
            for (int r = 0; r < rounds + 3; r++) {
                long c0 = tb.getCurrentThreadCpuTime();
                for (int i = 0; i < buyers; i++) {
                    acc += d.choose(i, 0);
                }
                double ns = (tb.getCurrentThreadCpuTime() - c0) / (double) buyers;
                if (r >= 3) {
                    best = Math.min(best, ns);
                }
            }
            report("BuyerDecision.choose, sigma " + sigma, best);
        }
        BareLogitBenchmark bare = new BareLogitBenchmark();
        bare.setup();
        int batches = Math.max(1, buyers / BareLogitBenchmark.BATCH);
        double best = Double.MAX_VALUE;
        for (int r = 0; r < rounds + 3; r++) {
            long c0 = tb.getCurrentThreadCpuTime();
            for (int b = 0; b < batches; b++) {
                acc += bare.decisions();
            }
            double ns = (tb.getCurrentThreadCpuTime() - c0) / ((double) batches * BareLogitBenchmark.BATCH);
            if (r >= 3) {
                best = Math.min(best, ns);
            }
        }
        report("bare logit kernel", best);
        System.out.println("(checksum " + acc + ")");
    }

    private static void report(String what, double nsPerDecision) {
        System.out.printf(Locale.ROOT, "%-28s %6.1f ns CPU per decision (%.2f M decisions/s)%n", what, nsPerDecision,
                1000 / nsPerDecision);
    }
}
