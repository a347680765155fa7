package eu.cloudmarket.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.model.ProviderQuarter;
import eu.cloudmarket.model.QuarterSnapshot;
import eu.cloudmarket.output.RunRecorder;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Storyline checks (issue 3, acceptance 2): each storyline scenario and the baseline run on common random numbers
 * (same seed, replications 0..19); the key metric's paired difference (storyline − baseline) must have a 95% Student-t
 * confidence interval that excludes zero on the documented side. Runs use 6,000 buyers over 2025Q1–2030Q4.
 */
class StorylineTest {
    static final int REPS = 20;
    static final long SEED = 20250101L;
    static final String[] SIZE = {"buyers.count=6000", "horizon.quarters=24", "horizon.truncateEvents=true"};

    static Stream<Arguments> storylines() {
        return Stream.of(
                Arguments.of("alibaba-lease-entry", "Alibaba's mean revenue share 2026-2030", +1,
                        (ToDoubleFunction<RunRecorder>) r -> meanShare(r, "alibaba", 4, 24)),
                Arguments.of("alibaba-greenfield-entry", "Alibaba's mean customers 2026Q1-2027Q3 (builds still in review"
                        + " or under construction)", -1,
                        (ToDoubleFunction<RunRecorder>) r -> meanCustomers(r, "alibaba", 4, 11)),
                Arguments.of("eu-blocks-alibaba-dc", "Alibaba's mean customers 2026-2030", -1,
                        (ToDoubleFunction<RunRecorder>) r -> meanCustomers(r, "alibaba", 4, 24)),
                Arguments.of("h20-ban-no-licence", "Alibaba's mean AI marginal cost 2026-2030", +1,
                        (ToDoubleFunction<RunRecorder>) r -> Runs.mean(r, "alibaba", 4, 24,
                                ProviderQuarter::marginalCostAi)),
                Arguments.of("eu-sovereignty-push", "EU providers' public-sector share 2027-2030", +1,
                        (ToDoubleFunction<RunRecorder>) r -> segmentShare(r, "eu", 0, 8, 24)),
                Arguments.of("eu-sovereignty-rule", "public buyers' consumer surplus 2027-2030 (fixed preferences)", -1,
                        (ToDoubleFunction<RunRecorder>) r -> segmentSurplus(r, 0, 8, 24)),
                Arguments.of("uk-excludes-alibaba", "Alibaba's customers at the end of 2030", -1,
                        (ToDoubleFunction<RunRecorder>) r -> r.quarters().get(23).providers()
                                .get(Runs.provider(r, "alibaba")).customers()),
                Arguments.of("data-act-no-ban", "buyers switching between providers 2027-2030", -1,
                        (ToDoubleFunction<RunRecorder>) r -> switches(r, 8, 24)),
                Arguments.of("data-act-ban-interop", "buyers switching between providers 2027-2030", +1,
                        (ToDoubleFunction<RunRecorder>) r -> switches(r, 8, 24)));
    }

    @ParameterizedTest(name = "{0}: {1} moves {2}")
    @MethodSource("storylines")
    void keyMetricMovesInTheDocumentedDirection(String name, String metric, int sign,
            ToDoubleFunction<RunRecorder> f) {
        Path story = Path.of("configs/scenarios/" + name + ".yaml");
        RunRecorder[] base = baselines();
        double[] d = IntStream.range(0, REPS).parallel()
                .mapToDouble(rep -> f.applyAsDouble(Runs.run(story, SEED, rep, SIZE)) - f.applyAsDouble(base[rep]))
                .toArray();
        double mean = 0;
        for (double x : d) {
            mean += x / REPS;
        }
        double ss = 0;
        for (double x : d) {
            ss += (x - mean) * (x - mean);
        }
        double se = Math.sqrt(ss / (REPS - 1) / REPS);
        double t = new TDistribution(null, REPS - 1).inverseCumulativeProbability(0.975);
        double lo = mean - t * se;
        double hi = mean + t * se;
        String msg = String.format(Locale.ROOT, "%s: %s, paired difference %.6g, 95%% CI [%.6g, %.6g]", name, metric,
                mean, lo, hi);
        System.out.println(msg);
        assertTrue(sign > 0 ? lo > 0 : hi < 0, msg + " should exclude zero on the " + (sign > 0 ? "+" : "-")
                + " side");
    }

    private static RunRecorder[] baselineRuns;

    /** The baseline's replications, run once and shared by all storylines (same seed and replication = CRN). */
    static synchronized RunRecorder[] baselines() {
        if (baselineRuns == null) {
            baselineRuns = IntStream.range(0, REPS).parallel().mapToObj(rep -> Runs.run(Runs.BASELINE, SEED, rep, SIZE))
                    .toArray(RunRecorder[]::new);
        }
        return baselineRuns;
    }

    static double meanCustomers(RunRecorder r, String provider, int from, int to) {
        return Runs.mean(r, provider, from, to, ProviderQuarter::customers);
    }

    static double meanShare(RunRecorder r, String provider, int from, int to) {
        return Runs.mean(r, provider, from, to, ProviderQuarter::revenueShare);
    }

    static double segmentShare(RunRecorder r, String provider, int segment, int from, int to) {
        int j = Runs.provider(r, provider);
        double s = 0;
        for (int k = from; k < to; k++) {
            s += r.quarters().get(k).segmentShares()[segment][j];
        }
        return s / (to - from);
    }

    /** Segment's mean consumer surplus per quarter over quarters [from, to), EUR bn per quarter. */
    static double segmentSurplus(RunRecorder r, int segment, int from, int to) {
        double s = 0;
        for (int k = from; k < to; k++) {
            s += r.quarters().get(k).consumerSurplus()[segment];
        }
        return s / (to - from);
    }

    static double switches(RunRecorder r, int from, int to) {
        double n = 0;
        List<QuarterSnapshot> qs = r.quarters();
        for (int k = from; k < to; k++) {
            int[][] f = qs.get(k).flows();
            int p = qs.get(k).providers().size();
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    if (a != b) {
                        n += f[a][b];
                    }
                }
            }
        }
        return n;
    }
}
