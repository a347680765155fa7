package eu.cloudmarket.experiment;

import eu.cloudmarket.model.ProviderQuarter;
import eu.cloudmarket.model.QuarterSnapshot;
import eu.cloudmarket.output.Labels;
import eu.cloudmarket.output.MetricLabel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The summary metrics a sweep can record per run, computed from the run's quarterly snapshots. A name is a family,
 * optionally followed by a provider or segment id ({@code final_share.alibaba}); {@code family.*} expands to every
 * provider (or segment) in configured order. The catalogue below is the reference for the names and units.
 */
public final class Metrics {
    /** What a family's suffix names. */
    public enum Scope {
        MARKET, PROVIDER, SEGMENT
    }

    /**
     * One metric family.
     *
     * @param family      name before the optional suffix
     * @param scope       whether it takes a provider or segment suffix
     * @param unit        unit of the value
     * @param description what it measures
     */
    /**
     * A metric family.
     *
     * @param title       short label for charts, with {@code %s} for the provider or segment's display name
     * @param description what the metric measures (the codebook's description)
     */
    public record Family(String family, Scope scope, String unit, String title, String description) {
        /** The pattern shown to users, e.g. {@code final_share.<provider>}. */
        public String pattern() {
            return switch (scope) {
                case MARKET -> family;
                case PROVIDER -> family + ".<provider>";
                case SEGMENT -> family + ".<segment>";
            };
        }
    }

    /** The catalogue, in the order it is documented. */
    public static final List<Family> CATALOGUE = List.of(
            new Family("final_share", Scope.PROVIDER, "fraction", "%s revenue share, final quarter",
                    "provider's revenue share in the final quarter"),
            new Family("mean_share", Scope.PROVIDER, "fraction", "%s revenue share, mean over quarters",
                    "provider's revenue share averaged over all quarters"),
            new Family("final_price_ai", Scope.PROVIDER, "price index", "%s AI price index, final quarter",
                    "provider's AI/GPU list price index in the final quarter"),
            new Family("mean_price_ai", Scope.PROVIDER, "price index", "%s AI price index, mean over quarters",
                    "provider's AI/GPU list price index averaged over all quarters"),
            new Family("final_price_general", Scope.PROVIDER, "price index", "%s general-compute price index, final quarter",
                    "provider's general-compute list price index in the final quarter"),
            new Family("final_customers", Scope.PROVIDER, "buyers", "%s customers, final quarter",
                    "buyer agents under contract with the provider at the end"),
            new Family("profit_total", Scope.PROVIDER, "EUR bn", "%s profit, sum over quarters",
                    "provider's profit summed over all quarters"),
            new Family("mean_price_ai", Scope.MARKET, "price index", "Mean AI price index, mean over quarters",
                    "AI-revenue-weighted mean AI list price index of all providers, averaged over all quarters"),
            new Family("final_price_ai", Scope.MARKET, "price index", "Mean AI price index, final quarter",
                    "AI-revenue-weighted mean AI list price index of all providers in the final quarter"),
            new Family("mean_price_general", Scope.MARKET, "price index", "Mean general-compute price index, mean over quarters",
                    "general-revenue-weighted mean general list price index, averaged over all quarters"),
            new Family("consumer_surplus_total", Scope.MARKET, "EUR bn", "Consumer surplus, sum over quarters",
                    "consumer surplus of all segments summed over all quarters (each buyer's compensating variation"
                            + " for the cloud at the prices it pays, net of switching costs paid)"),
            new Family("consumer_surplus_total", Scope.SEGMENT, "EUR bn", "%s: consumer surplus, sum over quarters",
                    "consumer surplus of one segment summed over all quarters"),
            new Family("consumer_surplus_final", Scope.MARKET, "EUR bn per quarter", "Consumer surplus, final quarter",
                    "consumer surplus of all segments in the final quarter"),
            new Family("cs_change_price_final", Scope.MARKET, "EUR bn per quarter", "Change of consumer surplus, price part",
                    "price part of the change of consumer surplus from the first to the final quarter"),
            new Family("cs_change_choice_quality_final", Scope.MARKET, "EUR bn per quarter", "Change of consumer surplus, choice-set and quality part",
                    "choice-set and quality part of the change of consumer surplus from the first to the final"
                            + " quarter (at first-quarter prices)"),
            new Family("producer_surplus_total", Scope.MARKET, "EUR bn", "Producer surplus, sum over quarters",
                    "profit less capital cost of all providers summed over all quarters"),
            new Family("producer_surplus_total", Scope.PROVIDER, "EUR bn", "%s producer surplus, sum over quarters",
                    "provider's profit less its capital cost summed over all quarters"),
            new Family("total_surplus_total", Scope.MARKET, "EUR bn", "Total surplus, sum over quarters",
                    "consumer plus producer surplus summed over all quarters"),
            new Family("market_revenue_final", Scope.MARKET, "EUR bn per quarter", "Cloud revenue, final quarter",
                    "cloud revenue of all providers in the final quarter"),
            new Family("market_revenue_total", Scope.MARKET, "EUR bn", "Cloud revenue, sum over quarters",
                    "cloud revenue of all providers summed over all quarters"),
            new Family("profit_total", Scope.MARKET, "EUR bn", "Profit of all providers, sum over quarters",
                    "profit of all providers summed over all quarters"),
            new Family("hhi_final", Scope.MARKET, "points (0-10000)", "HHI of revenue shares, final quarter",
                    "Herfindahl-Hirschman index of final-quarter revenue shares, sum of squared shares in percent"),
            new Family("cloud_adoption_final", Scope.MARKET, "fraction", "Cloud adoption, final quarter",
                    "share of buyer agents with a cloud provider (not on premises) at the end"),
            new Family("switching_rate_annual", Scope.MARKET, "fraction per year", "Switching between cloud providers per year",
                    "buyers moving from one cloud provider to another per year, as a share of buyers in the cloud:"
                            + " 4 x (provider-to-provider moves over the run) / (sum over quarters of buyers in the"
                            + " cloud)"));

    /** The metrics recorded when a sweep file lists none. */
    public static final List<String> DEFAULT = List.of("final_share.*", "mean_price_ai", "consumer_surplus_total",
            "market_revenue_final", "switching_rate_annual");

    private Metrics() {
    }

    /**
     * Expands wildcards and checks every name against the catalogue and the scenario's providers and segments.
     *
     * @throws IllegalArgumentException naming the first bad entry (its index in {@code requested}) and the reason
     */
    public static List<String> resolve(List<String> requested, List<String> providers, List<String> segments) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String name = requested.get(i);
            try {
                out.addAll(expand(name, providers, segments));
            } catch (IllegalArgumentException e) {
                throw new BadMetric(i, e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    /** A metric name that does not resolve; {@link #index()} is its position in the requested list. */
    public static final class BadMetric extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int index;

        BadMetric(int index, String message) {
            super(message);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    private static List<String> expand(String name, List<String> providers, List<String> segments) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("empty metric name");
        }
        int dot = name.indexOf('.');
        String family = dot < 0 ? name : name.substring(0, dot);
        String suffix = dot < 0 ? null : name.substring(dot + 1);
        Scope scope = suffix == null ? Scope.MARKET : null;
        Family fam = null;
        for (Family f : CATALOGUE) {
            if (f.family().equals(family) && (scope == null ? f.scope() != Scope.MARKET : f.scope() == scope)) {
                fam = f;
                break;
            }
        }
        if (fam == null) {
            List<String> known = new ArrayList<>();
            for (Family f : CATALOGUE) {
                known.add(f.pattern());
            }
            boolean familyExists = CATALOGUE.stream().anyMatch(f -> f.family().equals(family));
            if (familyExists) {
                throw new IllegalArgumentException("metric '" + name + "' needs " + (suffix == null
                        ? "a provider or segment suffix, e.g. " + family + ".<id> or " + family + ".*"
                        : "no suffix: use '" + family + "'"));
            }
            throw new IllegalArgumentException("unknown metric '" + name + "'; known: " + String.join(", ", known));
        }
        if (fam.scope() == Scope.MARKET) {
            return List.of(name);
        }
        List<String> ids = fam.scope() == Scope.PROVIDER ? providers : segments;
        String what = fam.scope() == Scope.PROVIDER ? "provider" : "segment";
        if (suffix.equals("*")) {
            return ids.stream().map(id -> family + "." + id).toList();
        }
        if (!ids.contains(suffix)) {
            throw new IllegalArgumentException("metric '" + name + "': unknown " + what + " '" + suffix + "' ("
                    + what + "s: " + String.join(", ", ids) + ")");
        }
        return List.of(name);
    }

    /** The catalogue entry of a resolved metric name. */
    public static Family family(String name) {
        int dot = name.indexOf('.');
        String family = dot < 0 ? name : name.substring(0, dot);
        for (Family f : CATALOGUE) {
            if (f.family().equals(family) && ((dot < 0) == (f.scope() == Scope.MARKET))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name + "'");
    }

    /**
     * Computes resolved metrics from a run's snapshots (in quarter order).
     *
     * @param names    resolved metric names
     * @param quarters the run's snapshots
     * @param segments segment ids in configured order (snapshot arrays are indexed by segment position)
     */
    public static double[] compute(List<String> names, List<QuarterSnapshot> quarters, List<String> segments) {
        if (quarters.isEmpty()) {
            throw new IllegalStateException("the run recorded no quarter");
        }
        double[] out = new double[names.size()];
        for (int m = 0; m < names.size(); m++) {
            out[m] = compute(names.get(m), quarters, segments);
        }
        return out;
    }

    private static double compute(String name, List<QuarterSnapshot> qs, List<String> segments) {
        int dot = name.indexOf('.');
        String family = dot < 0 ? name : name.substring(0, dot);
        String id = dot < 0 ? null : name.substring(dot + 1);
        QuarterSnapshot last = qs.get(qs.size() - 1);
        if (id != null && family(name).scope() == Scope.PROVIDER) {
            int j = providerIndex(last, id);
            return switch (family) {
                case "final_share" -> last.providers().get(j).revenueShare();
                case "mean_share" -> qs.stream().mapToDouble(s -> s.providers().get(j).revenueShare()).average()
                        .orElse(Double.NaN);
                case "final_price_ai" -> last.providers().get(j).priceAi();
                case "mean_price_ai" -> qs.stream().mapToDouble(s -> s.providers().get(j).priceAi()).average()
                        .orElse(Double.NaN);
                case "final_price_general" -> last.providers().get(j).priceGeneral();
                case "final_customers" -> last.providers().get(j).customers();
                case "profit_total" -> sum(qs, s -> s.providers().get(j).profit());
                case "producer_surplus_total" -> sum(qs, s -> s.providers().get(j).producerSurplus());
                default -> throw new IllegalArgumentException(name);
            };
        }
        if (id != null) {
            int g = segments.indexOf(id);
            if (g < 0) {
                throw new IllegalArgumentException("segment '" + id + "' is not in this run's scenario");
            }
            return switch (family) {
                case "consumer_surplus_total" -> sum(qs, s -> s.consumerSurplus()[g]);
                default -> throw new IllegalArgumentException(name);
            };
        }
        return switch (family) {
            case "mean_price_ai" -> qs.stream().mapToDouble(s -> weightedPrice(s, true)).average().orElse(Double.NaN);
            case "final_price_ai" -> weightedPrice(last, true);
            case "mean_price_general" -> qs.stream().mapToDouble(s -> weightedPrice(s, false)).average()
                    .orElse(Double.NaN);
            case "consumer_surplus_total" -> sum(qs, Metrics::totalSurplus);
            case "consumer_surplus_final" -> totalSurplus(last);
            case "cs_change_price_final" -> segmentSum(last.welfare().priceChange());
            case "cs_change_choice_quality_final" -> segmentSum(last.welfare().choiceChange());
            case "producer_surplus_total" -> sum(qs, Metrics::producerSurplus);
            case "total_surplus_total" -> sum(qs, s -> totalSurplus(s) + producerSurplus(s));
            case "market_revenue_final" -> last.marketRevenue();
            case "market_revenue_total" -> sum(qs, QuarterSnapshot::marketRevenue);
            case "profit_total" -> sum(qs, s -> s.providers().stream().mapToDouble(ProviderQuarter::profit).sum());
            case "hhi_final" -> {
                double h = 0;
                for (ProviderQuarter p : last.providers()) {
                    h += 100 * p.revenueShare() * 100 * p.revenueShare();
                }
                yield h;
            }
            case "cloud_adoption_final" -> {
                double all = last.buyersInCloud() + last.buyersOnPremises();
                yield all > 0 ? last.buyersInCloud() / all : Double.NaN;
            }
            case "switching_rate_annual" -> {
                double moves = 0;
                double inCloud = 0;
                for (QuarterSnapshot s : qs) {
                    int n = s.providers().size();
                    int[][] f = s.flows();
                    for (int a = 0; a < n; a++) {
                        for (int b = 0; b < n; b++) {
                            if (a != b) {
                                moves += f[a][b];
                            }
                        }
                    }
                    inCloud += s.buyersInCloud();
                }
                yield inCloud > 0 ? 4 * moves / inCloud : Double.NaN;
            }
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static int providerIndex(QuarterSnapshot s, String id) {
        for (int j = 0; j < s.providers().size(); j++) {
            if (s.providers().get(j).provider().equals(id)) {
                return j;
            }
        }
        throw new IllegalArgumentException("provider '" + id + "' is not in this run's scenario");
    }

    private static double sum(List<QuarterSnapshot> qs, java.util.function.ToDoubleFunction<QuarterSnapshot> f) {
        double s = 0;
        for (QuarterSnapshot q : qs) {
            s += f.applyAsDouble(q);
        }
        return s;
    }

    private static double totalSurplus(QuarterSnapshot s) {
        return segmentSum(s.consumerSurplus());
    }

    private static double segmentSum(double[] bySegment) {
        double t = 0;
        for (double v : bySegment) {
            t += v;
        }
        return t;
    }

    private static double producerSurplus(QuarterSnapshot s) {
        return s.providers().stream().mapToDouble(ProviderQuarter::producerSurplus).sum();
    }

    /** Revenue-weighted mean list price of one product; the plain mean when no provider has revenue in it. */
    private static double weightedPrice(QuarterSnapshot s, boolean ai) {
        double w = 0;
        double wp = 0;
        double plain = 0;
        for (ProviderQuarter p : s.providers()) {
            double rev = ai ? p.revenueAi() : p.revenueGeneral();
            double price = ai ? p.priceAi() : p.priceGeneral();
            w += rev;
            wp += rev * price;
            plain += price;
        }
        return w > 0 ? wp / w : plain / s.providers().size();
    }

    /** A one-line description of a resolved metric with its unit, for codebooks. */
    public static String describe(String name) {
        Family f = family(name);
        int dot = name.indexOf('.');
        String id = dot < 0 ? "" : " (" + name.substring(dot + 1) + ")";
        return f.description() + id;
    }

    /**
     * A resolved metric's chart label: its family's title with the provider's or segment's display name, and its
     * unit; a name outside the catalogue (e.g. from a newer tool's sweep folder) labels itself.
     */
    public static MetricLabel label(String name) {
        Family f;
        try {
            f = family(name);
        } catch (IllegalArgumentException e) {
            return MetricLabel.raw(name);
        }
        int dot = name.indexOf('.');
        String id = dot < 0 ? "" : name.substring(dot + 1);
        String who = switch (f.scope()) {
            case MARKET -> "";
            case PROVIDER -> Labels.provider(id);
            case SEGMENT -> Labels.segment(id);
        };
        return new MetricLabel(f.title().contains("%s") ? String.format(java.util.Locale.ROOT, f.title(), who)
                : f.title(), f.unit());
    }

    /** The unit of a resolved metric. */
    public static String unit(String name) {
        return family(name).unit();
    }
}
