package eu.cloudmarket.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.model.ProviderQuarter;
import eu.cloudmarket.model.QuarterSnapshot;
import eu.cloudmarket.output.RunRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In-sample calibration check (issue 9): the historical scenario's 2017–2021 quarters must reproduce each target of
 * the calibration file (shared/data/calibration/eu-market-2017-2021.csv, copied to src/test/resources/calibration)
 * within its band. Metrics are averaged over twenty replications. Definitions: an annual value is the sum (revenue)
 * or mean (shares) of the year's four quarters; the EU revenue ratio is EU revenue in 2021Q2 over the mean quarterly
 * EU revenue of 2017; the switching rate counts installed buyers moving between cloud providers per year, over
 * 2017Q1–2021Q4, relative to buyers in the cloud; the price change is the yearly change of the workload-weighted
 * mean general-compute list price, 2017Q1→2021Q4.
 */
class HistoryCalibrationTest {
    static final Path HISTORY = Path.of("configs/history-2017.yaml");
    static final Path TARGETS = Path.of("src/test/resources/calibration/eu-market-2017-2021.csv");
    /**
     * Replications averaged. A replication's 2020 market revenue has a standard deviation of about EUR 0.32bn: the
     * mean of twenty has a standard error of 0.07 (of five, 0.14), below the model's distance to its band (0.1).
     */
    static final int REPLICATIONS = 20;

    record Target(String period, String metric, double value, double low, double high) {
    }

    static List<Target> targets() throws IOException {
        List<Target> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(TARGETS);
        for (String line : lines.subList(1, lines.size())) {
            List<String> c = eu.cloudmarket.output.Csv.parse(line);
            out.add(new Target(c.get(0), c.get(1), Double.parseDouble(c.get(2)), Double.parseDouble(c.get(3)),
                    Double.parseDouble(c.get(4))));
        }
        return out;
    }

    static int index(RunRecorder r, String label) {
        for (int k = 0; k < r.quarters().size(); k++) {
            if (r.quarters().get(k).label().equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException(label);
    }

    static double groupShare(QuarterSnapshot q, List<String> ids) {
        double s = 0;
        for (ProviderQuarter p : q.providers()) {
            if (ids.contains(p.provider())) {
                s += p.revenueShare();
            }
        }
        return s;
    }

    static double groupRevenue(QuarterSnapshot q, List<String> ids) {
        double s = 0;
        for (ProviderQuarter p : q.providers()) {
            if (ids.contains(p.provider())) {
                s += p.revenue();
            }
        }
        return s;
    }

    static final List<String> EU = List.of("eu");
    static final List<String> BIG3 = List.of("aws", "azure", "google");

    /** Computes the value of one target's metric in one run. */
    static double metric(RunRecorder r, Target t) {
        List<QuarterSnapshot> q = r.quarters();
        switch (t.metric()) {
            case "market_revenue" -> {
                if (t.period().length() == 4) {
                    double s = 0;
                    for (int i = 1; i <= 4; i++) {
                        s += q.get(index(r, t.period() + "Q" + i)).marketRevenue();
                    }
                    return s;
                }
                return q.get(index(r, t.period())).marketRevenue();
            }
            case "eu_providers_revenue_share", "big3_revenue_share" -> {
                List<String> ids = t.metric().startsWith("eu") ? EU : BIG3;
                if (t.period().length() == 4) {
                    double s = 0;
                    for (int i = 1; i <= 4; i++) {
                        s += groupShare(q.get(index(r, t.period() + "Q" + i)), ids);
                    }
                    return s / 4;
                }
                return groupShare(q.get(index(r, t.period())), ids);
            }
            case "eu_providers_revenue_ratio_vs_2017" -> {
                double y2017 = 0;
                for (int i = 1; i <= 4; i++) {
                    y2017 += groupRevenue(q.get(index(r, "2017Q" + i)), EU) / 4;
                }
                return groupRevenue(q.get(index(r, t.period())), EU) / y2017;
            }
            case "largest_eu_provider_share" -> {
                return Double.NaN; // the European providers are one aggregated agent group in this model
            }
            case "annual_switching_rate_installed" -> {
                double switches = 0;
                double inCloud = 0;
                int end = index(r, "2021Q4");
                for (int k = 0; k <= end; k++) {
                    QuarterSnapshot s = q.get(k);
                    int p = s.providers().size();
                    for (int a = 0; a < p; a++) {
                        for (int b = 0; b < p; b++) {
                            if (a != b) {
                                switches += s.flows()[a][b];
                            }
                        }
                    }
                    inCloud += s.buyersInCloud();
                }
                return 4 * switches / inCloud;
            }
            case "quality_adjusted_price_change" -> {
                double p0 = meanPrice(q.get(0));
                double p1 = meanPrice(q.get(index(r, "2021Q4")));
                return Math.pow(p1 / p0, 4.0 / index(r, "2021Q4")) - 1;
            }
            default -> throw new IllegalArgumentException("unknown metric " + t.metric());
        }
    }

    static double meanPrice(QuarterSnapshot q) {
        double w = 0;
        double s = 0;
        for (ProviderQuarter p : q.providers()) {
            s += p.priceGeneral() * p.loadGeneral();
            w += p.loadGeneral();
        }
        return s / w;
    }

    static Map<Target, Double> evaluate() throws IOException {
        List<Target> ts = targets();
        Map<Target, Double> sums = new LinkedHashMap<>();
        for (int rep = 0; rep < REPLICATIONS; rep++) {
            RunRecorder r = Runs.run(HISTORY, 20170101L, rep);
            for (Target t : ts) {
                sums.merge(t, metric(r, t) / REPLICATIONS, Double::sum);
            }
        }
        return sums;
    }

    @Test
    void inSampleTargetsAreMetWithinTheirBands() throws IOException {
        Map<Target, Double> got = evaluate();
        StringBuilder report = new StringBuilder();
        List<String> misses = new ArrayList<>();
        for (var e : got.entrySet()) {
            Target t = e.getKey();
            double v = e.getValue();
            String line = String.format(Locale.ROOT, "%-8s %-36s model %8.4f  target %6.3f [%6.3f, %6.3f]",
                    t.period(), t.metric(), v, t.value(), t.low(), t.high());
            report.append(line).append('\n');
            if (Double.isNaN(v)) {
                continue; // not identified by an aggregated provider group; see README
            }
            if (v < t.low() || v > t.high()) {
                misses.add(line);
            }
        }
        System.out.println(report);
        assertTrue(misses.isEmpty(), "targets outside their bands:\n" + String.join("\n", misses));
    }
}
