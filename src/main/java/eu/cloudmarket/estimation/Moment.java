package eu.cloudmarket.estimation;

import eu.cloudmarket.model.ProviderQuarter;
import eu.cloudmarket.model.QuarterSnapshot;
import java.util.List;

/**
 * How a simulated moment is computed from a run's quarters, one definition serving {@code calibrate} and the
 * calibration test. Definitions (as in the targets file's {@code metric} column):
 * <ul>
 * <li>{@code market_revenue}: market revenue, EUR bn; a year's value is the sum of its four quarters.</li>
 * <li>{@code <group>_revenue_share}: the group's share of market revenue; a year's value is the mean of its quarters.
 * </li>
 * <li>{@code <group>_revenue_ratio_vs_<year>}: the group's mean quarterly revenue in the period over its mean
 * quarterly revenue in the base year.</li>
 * <li>{@code annual_switching_rate_installed}: installed buyers moving between cloud providers, per year, relative to
 * buyers in the cloud, over the period's quarters: 4 × Σ switches / Σ buyers in the cloud.</li>
 * <li>{@code quality_adjusted_price_change}: the yearly change of the workload-weighted mean general-compute list
 * price from the period's first quarter to its last: (p₁/p₀)^(4/k) − 1 with k the quarters between them.</li>
 * </ul>
 * A group is a named list of provider ids ({@link MomentCatalogue}).
 */
public sealed interface Moment {
    /** The moment's value in a run with quarters {@code q} (in order from the run's start). */
    double value(List<QuarterSnapshot> q);

    /** Market revenue over the period (sum of quarterly revenue). */
    record MarketRevenue(Period period) implements Moment {
        @Override
        public double value(List<QuarterSnapshot> q) {
            double s = 0;
            for (String label : period.labels()) {
                s += Quarters.at(q, label).marketRevenue();
            }
            return s;
        }
    }

    /** A provider group's revenue share, averaged over the period's quarters. */
    record GroupShare(Period period, List<String> providers) implements Moment {
        public GroupShare {
            providers = List.copyOf(providers);
        }

        @Override
        public double value(List<QuarterSnapshot> q) {
            List<String> labels = period.labels();
            double s = 0;
            for (String label : labels) {
                s += Quarters.groupShare(Quarters.at(q, label), providers);
            }
            return s / labels.size();
        }
    }

    /** A provider group's mean quarterly revenue in the period over that in a base year. */
    record GroupRevenueRatio(Period period, List<String> providers, int baseYear) implements Moment {
        public GroupRevenueRatio {
            providers = List.copyOf(providers);
        }

        @Override
        public double value(List<QuarterSnapshot> q) {
            return Quarters.meanGroupRevenue(q, period.labels(), providers)
                    / Quarters.meanGroupRevenue(q, Period.parse(Integer.toString(baseYear)).labels(), providers);
        }
    }

    /** Installed buyers switching between cloud providers per year, relative to buyers in the cloud. */
    record SwitchingRate(Period period) implements Moment {
        @Override
        public double value(List<QuarterSnapshot> q) {
            double switches = 0;
            double inCloud = 0;
            for (String label : period.labels()) {
                QuarterSnapshot s = Quarters.at(q, label);
                int p = s.providers().size();
                int[][] flows = s.flows();
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        if (a != b) {
                            switches += flows[a][b];
                        }
                    }
                }
                inCloud += s.buyersInCloud();
            }
            return 4 * switches / inCloud;
        }
    }

    /** Yearly change of the workload-weighted mean general-compute price from the period's first to last quarter. */
    record PriceTrend(Period period) implements Moment {
        @Override
        public double value(List<QuarterSnapshot> q) {
            List<String> labels = period.labels();
            int first = Quarters.index(q, labels.get(0));
            int last = Quarters.index(q, labels.get(labels.size() - 1));
            double ratio = meanPrice(q.get(last)) / meanPrice(q.get(first));
            return Math.pow(ratio, 4.0 / (last - first)) - 1;
        }

        private static double meanPrice(QuarterSnapshot s) {
            double w = 0;
            double sum = 0;
            for (ProviderQuarter p : s.providers()) {
                sum += p.priceGeneral() * p.loadGeneral();
                w += p.loadGeneral();
            }
            return sum / w;
        }
    }
}
