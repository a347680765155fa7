package eu.cloudmarket.output;

import eu.cloudmarket.model.ConsumerWelfare;
import eu.cloudmarket.model.EventRecord;
import eu.cloudmarket.model.PriceElasticities;
import eu.cloudmarket.model.PriceElasticities.Product;
import eu.cloudmarket.model.ProviderQuarter;
import eu.cloudmarket.model.QuarterSnapshot;
import eu.cloudmarket.model.params.MarketParams;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Writes a run's tidy CSV files and their {@code codebook.csv}. Each table is one {@link TableSchema}: its column list
 * makes the header, the rows and the codebook entries. Column names carry units. Rows are in quarter order, then in
 * configured provider/segment order, so the files are deterministic.
 */
public final class RunTables {
    public static final String QUARTERS = "quarters.csv";
    public static final String SEGMENTS = "segments.csv";
    public static final String WELFARE = "welfare.csv";
    public static final String FLOWS = "flows.csv";
    public static final String EVENTS = "events.csv";
    public static final String ELASTICITIES = "elasticities.csv";
    public static final String CODEBOOK = Codebook.FILE;
    public static final String ON_PREMISES = "on_premises";

    private static final String PRICE_UNIT = "EUR per workload unit";
    private static final String REVENUE_UNIT = "EUR bn per quarter";

    /** A row of quarters.csv: one provider in one quarter. */
    record ProviderRow(QuarterSnapshot quarter, ProviderQuarter provider) {
    }

    /** A row of segments.csv: one provider's share of one segment in one quarter. */
    record SegmentRow(QuarterSnapshot quarter, int segment, int provider) {
    }

    /** A row of welfare.csv: one measure of one segment, provider or the market in one quarter. */
    record WelfareRow(QuarterSnapshot quarter, String group, String id, String measure, double value) {
    }

    /** A row of flows.csv: buyers who moved between two suppliers in one quarter. */
    record FlowRow(QuarterSnapshot quarter, String from, String to, int buyers) {
    }

    /**
     * A row of elasticities.csv: how the demand of supplier {@code to} (a provider index, or the provider count for
     * on premises) for one product responds to provider {@code k}'s list price of it, in one quarter.
     */
    record ElasticityRow(QuarterSnapshot quarter, Product product, int to, int k) {
        PriceElasticities values() {
            return quarter.elasticities();
        }
    }

    private final List<String> providers;
    private final List<String> segments;
    private final List<String> tiers;
    private final double gpuEur;

    private RunTables(MarketParams params) {
        this.providers = new ArrayList<>(params.providers().keySet());
        this.segments = new ArrayList<>(params.segments().keySet());
        this.tiers = new ArrayList<>(params.chipTiers().keySet());
        this.gpuEur = params.settings().aiReferencePriceEurPerGpuHour();
    }

    /** Writes every table of a run and the codebook that documents their columns. */
    public static void write(Path dir, MarketParams params, RunRecorder rec) throws IOException {
        RunTables t = new RunTables(params);
        TableSchema<ProviderRow> quarters = t.quarters();
        TableSchema<SegmentRow> segments = t.segments();
        TableSchema<WelfareRow> welfare = welfare();
        TableSchema<FlowRow> flows = flows();
        TableSchema<EventRecord> events = events();
        TableSchema<ElasticityRow> elasticities = t.elasticities();
        quarters.write(dir, t.providerRows(rec.quarters()));
        segments.write(dir, t.segmentRows(rec.quarters()));
        welfare.write(dir, t.welfareRows(rec.quarters()));
        flows.write(dir, t.flowRows(rec.quarters()));
        events.write(dir, rec.events());
        elasticities.write(dir, t.elasticityRows(rec.quarters()));
        Codebook.write(dir, List.of(quarters, segments, welfare, flows, events, elasticities));
    }

    /** The calendar and index columns that begin every quarterly table. */
    private static <R> TableSchema.Builder<R> quarterly(String file,
            Function<R, QuarterSnapshot> quarter) {
        return TableSchema.<R>builder(file)
                .text("quarter", "label", "calendar quarter, e.g. 2025Q1", r -> quarter.apply(r).label())
                .integer("quarter_index", "quarters", "quarters since the start of the run (0 = first)",
                        r -> quarter.apply(r).quarter());
    }

    private TableSchema<ProviderRow> quarters() {
        TableSchema.Builder<ProviderRow> b = RunTables.<ProviderRow>quarterly(QUARTERS, ProviderRow::quarter)
                .text("provider", "id", "provider id from the config", r -> r.provider().provider())
                .number("price_general_index", PRICE_UNIT,
                        "list price of general compute at the end of the quarter (1.0 = reference)",
                        r -> r.provider().priceGeneral())
                .number("price_ai_index", PRICE_UNIT,
                        "list price of AI/GPU compute at the end of the quarter (index)", r -> r.provider().priceAi())
                .number("price_ai_eur_per_gpu_hour", "EUR per GPU-hour",
                        "AI price index times market.aiReferencePriceEurPerGpuHour",
                        r -> r.provider().priceAi() * gpuEur)
                .number("marginal_cost_general_index", PRICE_UNIT, "marginal cost of general compute",
                        r -> r.provider().marginalCostGeneral())
                .number("marginal_cost_ai_index", PRICE_UNIT, "marginal cost of AI compute (chip mix, levies, leases)",
                        r -> r.provider().marginalCostAi())
                .number("revenue_general_eur_bn", REVENUE_UNIT, "revenue from general compute at contract prices",
                        r -> r.provider().revenueGeneral())
                .number("revenue_ai_eur_bn", REVENUE_UNIT, "revenue from AI compute at contract prices",
                        r -> r.provider().revenueAi())
                .number("revenue_eur_bn", REVENUE_UNIT, "total revenue", r -> r.provider().revenue())
                .number("revenue_share", "fraction",
                        "share of total cloud revenue in the quarter; sums to 1 over providers",
                        r -> r.provider().revenueShare())
                .integer("customers", "buyers", "buyer agents under contract at the end of the quarter",
                        r -> r.provider().customers())
                .number("capacity_general_units", "workload units", "installed general-compute capacity",
                        r -> r.provider().capacityGeneral())
                .number("capacity_ai_units", "workload units",
                        "installed AI capacity (all chip tiers, performance-weighted)", r -> r.provider().capacityAi())
                .number("utilisation_general", "fraction", "general load / capacity",
                        r -> r.provider().utilisationGeneral())
                .number("utilisation_ai", "fraction", "AI load / capacity", r -> r.provider().utilisationAi())
                .number("margin", "fraction", "profit / revenue", r -> r.provider().margin())
                .number("profit_eur_bn", REVENUE_UNIT, "revenue minus marginal cost times load",
                        r -> r.provider().profit())
                .number("shadow_price_general_index", PRICE_UNIT,
                        "price increase that would clear expected demand to general capacity (0 when slack)",
                        r -> r.provider().shadowPriceGeneral())
                .number("shadow_price_ai_index", PRICE_UNIT,
                        "price increase that would clear expected demand to AI capacity (0 when slack)",
                        r -> r.provider().shadowPriceAi())
                .integer("switched_in", "buyers",
                        "buyers who moved to the provider in the quarter (from rivals or on premises)",
                        r -> r.provider().switchedIn())
                .integer("switched_out", "buyers", "buyers who left the provider in the quarter",
                        r -> r.provider().switchedOut())
                .number("rationed_workload_units", "workload units",
                        "demand turned away because capacity was full (spilled to the next choice)",
                        r -> r.provider().rationedWorkload());
        for (int t = 0; t < tiers.size(); t++) {
            int tier = t;
            b.number("gpu_supply_" + tiers.get(t) + "_units", "workload units",
                    "AI capacity of chip tier " + tiers.get(t) + " delivered in the quarter",
                    r -> r.provider().gpuDeliveredByTier()[tier]);
        }
        for (int t = 0; t < tiers.size(); t++) {
            int tier = t;
            b.number("ai_capacity_" + tiers.get(t) + "_units", "workload units",
                    "installed AI capacity of chip tier " + tiers.get(t), r -> r.provider().aiCapacityByTier()[tier]);
        }
        return b.build();
    }

    private TableSchema<SegmentRow> segments() {
        return RunTables.<SegmentRow>quarterly(SEGMENTS, SegmentRow::quarter)
                .text("segment", "id", "buyer segment id", r -> segments.get(r.segment()))
                .text("provider", "id", "provider id from the config", r -> providers.get(r.provider()))
                .number("revenue_share_in_segment", "fraction", "provider's share of the segment's cloud revenue",
                        r -> r.quarter().segmentShares()[r.segment()][r.provider()])
                .number("segment_cloud_adoption", "fraction",
                        "share of the segment's workload in the cloud (rest on premises)",
                        r -> r.quarter().segmentCloudShare()[r.segment()])
                .build();
    }

    /** The welfare.csv measures, in row order. */
    static final List<String> WELFARE_MEASURES = List.of("consumer_surplus", "consumer_surplus_gross",
            "switching_costs_paid", "cs_change_total", "cs_change_price", "cs_change_choice_quality",
            "cs_change_switching", "profit", "capital_cost", "producer_surplus", "total_surplus");

    private static TableSchema<WelfareRow> welfare() {
        return RunTables.<WelfareRow>quarterly(WELFARE, WelfareRow::quarter)
                .text("group", "segment|provider|market", "what the row measures", WelfareRow::group)
                .text("id", "id", "segment id, provider id, or all for the market", WelfareRow::id)
                .text("measure", String.join("|", WELFARE_MEASURES),
                        "consumer_surplus: sum over buyers of the compensating variation of their choice set relative"
                                + " to staying on premises (nested-logit log-sum at each buyer's own alpha, at the"
                                + " contract prices it pays), net of switching costs paid this quarter;"
                                + " consumer_surplus_gross: before switching costs; switching_costs_paid: by buyers who"
                                + " moved this quarter; cs_change_total: consumer_surplus less its first-quarter value,"
                                + " = cs_change_price (at fixed choice sets and qualities) + cs_change_choice_quality"
                                + " (choice sets, qualities, tastes, outside option and size at first-quarter prices)"
                                + " + cs_change_switching; profit: revenue less marginal cost; capital_cost:"
                                + " depreciation of installed capacity at replacement cost (build, lease rent, chips);"
                                + " producer_surplus: profit less capital cost; total_surplus (market): consumer plus"
                                + " producer surplus. See the model documentation's welfare section",
                        WelfareRow::measure)
                .number("value_eur_bn", REVENUE_UNIT, "value of the measure", WelfareRow::value)
                .build();
    }

    private static TableSchema<FlowRow> flows() {
        return RunTables.<FlowRow>quarterly(FLOWS, FlowRow::quarter)
                .text("from", "id", "previous supplier (provider id or on_premises)", FlowRow::from)
                .text("to", "id", "new supplier", FlowRow::to)
                .integer("buyers", "buyers", "buyers who moved in the quarter", FlowRow::buyers)
                .build();
    }

    private TableSchema<ElasticityRow> elasticities() {
        return RunTables.<ElasticityRow>quarterly(ELASTICITIES, ElasticityRow::quarter)
                .text("product", "general|ai", "compute product whose demand and list price the row is about",
                        r -> r.product().name().toLowerCase(Locale.ROOT))
                .text("provider", "id",
                        "supplier whose demand responds: provider id, or on_premises for the outside option",
                        r -> supplier(r.to()))
                .text("with_respect_to", "id", "provider whose list price of the product changes",
                        r -> providers.get(r.k()))
                .numberOrEmpty("elasticity", "% per %",
                        "elasticity of the supplier's expected demand of the quarter's renewing buyers (compute units,"
                                + " before rationing) with respect to the list price, at the quarter's prices; own-price"
                                + " where provider = with_respect_to; empty if the supplier has no such demand",
                        r -> r.values().elasticity(r.product(), r.to(), r.k()))
                .numberOrEmpty("diversion_ratio", "fraction",
                        "share of the demand that with_respect_to loses when it raises its price that goes to the"
                                + " supplier; sums to 1 over the other suppliers incl. on_premises; empty when provider"
                                + " = with_respect_to or with_respect_to has no such demand",
                        r -> r.values().diversion(r.product(), r.to(), r.k()))
                .build();
    }

    private String supplier(int index) {
        return index < providers.size() ? providers.get(index) : ON_PREMISES;
    }

    private static TableSchema<EventRecord> events() {
        return TableSchema.<EventRecord>builder(EVENTS)
                .number("time_quarters", "quarters", "model time the event fired", EventRecord::time)
                .text("quarter", "label", "calendar quarter the event fired in", EventRecord::quarter)
                .text("type", "id", "event type (domain.md E1-E14)", EventRecord::type)
                .text("target", "id", "provider, tier, country or segment acted on", EventRecord::target)
                .text("parameters", "key=value;...", "event parameters", EventRecord::parameters)
                .text("description", "text", "the event's description from the config", EventRecord::description)
                .text("origin", "scenario|stochastic", "dated scenario event or hazard-driven draw",
                        EventRecord::origin)
                .build();
    }

    private List<ProviderRow> providerRows(List<QuarterSnapshot> quarters) {
        List<ProviderRow> rows = new ArrayList<>();
        for (QuarterSnapshot s : quarters) {
            for (ProviderQuarter p : s.providers()) {
                rows.add(new ProviderRow(s, p));
            }
        }
        return rows;
    }

    private List<SegmentRow> segmentRows(List<QuarterSnapshot> quarters) {
        List<SegmentRow> rows = new ArrayList<>();
        for (QuarterSnapshot s : quarters) {
            for (int g = 0; g < segments.size(); g++) {
                for (int j = 0; j < providers.size(); j++) {
                    rows.add(new SegmentRow(s, g, j));
                }
            }
        }
        return rows;
    }

    /**
     * Quarter by quarter: each consumer measure by segment and for the market, then each producer measure by provider
     * and for the market, then the market's total surplus.
     */
    private List<WelfareRow> welfareRows(List<QuarterSnapshot> quarters) {
        List<WelfareRow> rows = new ArrayList<>();
        for (QuarterSnapshot s : quarters) {
            ConsumerWelfare w = s.welfare();
            consumerRows(rows, s, "consumer_surplus", w.surplus());
            consumerRows(rows, s, "consumer_surplus_gross", w.gross());
            consumerRows(rows, s, "switching_costs_paid", w.switchingPaid());
            double[] total = new double[segments.size()];
            for (int g = 0; g < total.length; g++) {
                total[g] = w.totalChange(g);
            }
            consumerRows(rows, s, "cs_change_total", total);
            consumerRows(rows, s, "cs_change_price", w.priceChange());
            consumerRows(rows, s, "cs_change_choice_quality", w.choiceChange());
            consumerRows(rows, s, "cs_change_switching", w.switchingChange());
            producerRows(rows, s, "profit", ProviderQuarter::profit);
            producerRows(rows, s, "capital_cost", ProviderQuarter::capitalCost);
            double ps = producerRows(rows, s, "producer_surplus", ProviderQuarter::producerSurplus);
            rows.add(new WelfareRow(s, "market", "all", "total_surplus", sum(w.surplus()) + ps));
        }
        return rows;
    }

    /** One row per segment and one for the market (their sum). */
    private void consumerRows(List<WelfareRow> rows, QuarterSnapshot s, String measure, double[] bySegment) {
        for (int g = 0; g < segments.size(); g++) {
            rows.add(new WelfareRow(s, "segment", segments.get(g), measure, bySegment[g]));
        }
        rows.add(new WelfareRow(s, "market", "all", measure, sum(bySegment)));
    }

    /** One row per provider and one for the market (their sum, returned). */
    private static double producerRows(List<WelfareRow> rows, QuarterSnapshot s, String measure,
            java.util.function.ToDoubleFunction<ProviderQuarter> f) {
        double total = 0;
        for (ProviderQuarter p : s.providers()) {
            double v = f.applyAsDouble(p);
            total += v;
            rows.add(new WelfareRow(s, "provider", p.provider(), measure, v));
        }
        rows.add(new WelfareRow(s, "market", "all", measure, total));
        return total;
    }

    private static double sum(double[] a) {
        double t = 0;
        for (double v : a) {
            t += v;
        }
        return t;
    }

    /** Per quarter and product, each supplier (on premises last) against each provider's price, in config order. */
    private List<ElasticityRow> elasticityRows(List<QuarterSnapshot> quarters) {
        List<ElasticityRow> rows = new ArrayList<>();
        for (QuarterSnapshot s : quarters) {
            for (Product x : Product.values()) {
                for (int to = 0; to <= providers.size(); to++) {
                    for (int k = 0; k < providers.size(); k++) {
                        rows.add(new ElasticityRow(s, x, to, k));
                    }
                }
            }
        }
        return rows;
    }

    /** Every non-zero flow between two different suppliers, on premises last. */
    private List<FlowRow> flowRows(List<QuarterSnapshot> quarters) {
        List<String> names = new ArrayList<>(providers);
        names.add(ON_PREMISES);
        List<FlowRow> rows = new ArrayList<>();
        for (QuarterSnapshot s : quarters) {
            int[][] f = s.flows();
            for (int a = 0; a < names.size(); a++) {
                for (int b = 0; b < names.size(); b++) {
                    if (a != b && f[a][b] > 0) {
                        rows.add(new FlowRow(s, names.get(a), names.get(b), f[a][b]));
                    }
                }
            }
        }
        return rows;
    }
}
