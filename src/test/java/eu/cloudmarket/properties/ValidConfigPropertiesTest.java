package eu.cloudmarket.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.cli.CliHarness;
import eu.cloudmarket.model.EventRecord;
import eu.cloudmarket.model.Market;
import eu.cloudmarket.model.ProviderQuarter;
import eu.cloudmarket.model.QuarterSnapshot;
import eu.cloudmarket.model.Recorder;
import eu.cloudmarket.scenario.ConfigException;
import eu.cloudmarket.scenario.ConfigProblems;
import eu.cloudmarket.scenario.Scenario;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: a configuration with every parameter inside its valid range loads, runs to the end without an exception,
 * and keeps the market's accounting invariants in every quarter: revenue shares sum to 1 (when there is revenue), no
 * price, cost, revenue or capacity is negative (beyond round-off) or not finite, and every buyer is accounted for (the providers'
 * customers plus the buyers on premises equal {@code buyers.count}). Every tenth try also goes through {@code run},
 * writing the CSVs.
 */
class ValidConfigPropertiesTest {
    static final int TRIES = 60;
    private static final ScenarioLoader LOADER = new ScenarioLoader();
    /** Round-off allowed below zero: incremental sums in the model may end at -1e-17 instead of 0. */
    static final double ROUND_OFF = 1e-12;

    static Stream<PropertyRuns.Try> tries() {
        return PropertyRuns.tries(TRIES, 0x5A11DL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tries")
    void aValidConfigRunsAndKeepsTheInvariants(PropertyRuns.Try t, @TempDir Path tmp) throws Exception {
        ObjectNode tree = ConfigGenerator.valid(t.random());
        Scenario scenario;
        try {
            scenario = LOADER.load(tree, t.toString(), List.of(), null);
        } catch (ConfigException | ConfigProblems e) {
            fail(t + ": a config generated inside the valid ranges was refused: " + e.getMessage());
            return;
        }
        Invariants inv = new Invariants(scenario.params().buyerCount());
        try {
            new Market(scenario.params(), scenario.events(), scenario.stochastic(), scenario.seed(), 0, inv).run();
        } catch (RuntimeException e) {
            throw new AssertionError(t + ": the run threw " + e, e);
        }
        if (!inv.violations.isEmpty()) {
            fail(t + ": " + inv.violations.size() + " invariant violations, first: " + inv.violations.get(0));
        }
        assertEquals(scenario.params().quarters(), inv.quarters, t + ": one snapshot per quarter");

        if (t.index() % 10 == 0) {
            Path file = tmp.resolve("config.yaml");
            Files.write(file, LOADER.yamlMapper().writeValueAsBytes(tree));
            CliHarness.Result r = CliHarness.run("run", file.toString(), "--out", tmp.resolve("out").toString(),
                    "--no-charts");
            assertEquals(0, r.code(), t + ": " + r.err());
            assertTrue(Files.size(tmp.resolve("out/quarters.csv")) > 0);
        }
    }

    /** Checks every snapshot as it arrives. */
    static final class Invariants implements Recorder {
        final int buyers;
        final List<String> violations = new ArrayList<>();
        int quarters;

        Invariants(int buyers) {
            this.buyers = buyers;
        }

        @Override
        public void onQuarter(QuarterSnapshot s) {
            quarters++;
            String q = s.label() + ": ";
            double shareSum = 0;
            int customers = 0;
            for (ProviderQuarter p : s.providers()) {
                String w = q + p.provider() + " ";
                nonNegative(w + "price (general)", p.priceGeneral());
                nonNegative(w + "price (AI)", p.priceAi());
                nonNegative(w + "marginal cost (general)", p.marginalCostGeneral());
                nonNegative(w + "marginal cost (AI)", p.marginalCostAi());
                nonNegative(w + "revenue", p.revenue());
                nonNegative(w + "capacity (general)", p.capacityGeneral());
                nonNegative(w + "capacity (AI)", p.capacityAi());
                nonNegative(w + "load (general)", p.loadGeneral());
                nonNegative(w + "load (AI)", p.loadAi());
                nonNegative(w + "revenue share", p.revenueShare());
                if (!Double.isFinite(p.profit())) {
                    violations.add(w + "profit is " + p.profit());
                }
                if (p.customers() < 0) {
                    violations.add(w + "customers " + p.customers());
                }
                shareSum += p.revenueShare();
                customers += p.customers();
            }
            if (s.marketRevenue() > 0 && Math.abs(shareSum - 1) > 1e-9) {
                violations.add(q + "revenue shares sum to " + shareSum);
            }
            if (customers != s.buyersInCloud()) {
                violations.add(q + "customers " + customers + " but " + s.buyersInCloud() + " buyers in the cloud");
            }
            if (customers + s.buyersOnPremises() != buyers) {
                violations.add(q + customers + " customers + " + s.buyersOnPremises() + " on premises != " + buyers
                        + " buyers");
            }
            for (int g = 0; g < s.segmentShares().length; g++) {
                double sum = 0;
                for (double v : s.segmentShares()[g]) {
                    nonNegative(q + "segment " + g + " share", v);
                    sum += v;
                }
                if (sum != 0 && Math.abs(sum - 1) > 1e-9) {
                    violations.add(q + "segment " + g + " shares sum to " + sum);
                }
            }
        }

        @Override
        public void onEvent(EventRecord event) {
        }

        private void nonNegative(String what, double v) {
            if (!Double.isFinite(v) || v < -ROUND_OFF) {
                violations.add(what + " is " + v);
            }
        }
    }
}
