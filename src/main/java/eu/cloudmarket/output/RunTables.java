package eu.cloudmarket.output;

import eu.cloudmarket.model.EventRecord;
import eu.cloudmarket.model.ProviderQuarter;
import eu.cloudmarket.model.QuarterSnapshot;
import eu.cloudmarket.model.params.MarketParams;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a run's tidy CSV files. Column names carry units; {@code codebook.csv} explains every column. Rows are in
 * quarter order, then in configured provider/segment order, so the files are deterministic.
 */
public final class RunTables {
    public static final String QUARTERS = "quarters.csv";
    public static final String SEGMENTS = "segments.csv";
    public static final String WELFARE = "welfare.csv";
    public static final String FLOWS = "flows.csv";
    public static final String EVENTS = "events.csv";
    public static final String CODEBOOK = "codebook.csv";
    public static final String ON_PREMISES = "on_premises";

    private RunTables() {
    }

    public static void write(Path dir, MarketParams params, RunRecorder rec) throws IOException {
        List<String> providers = new ArrayList<>(params.providers().keySet());
        List<String> segments = new ArrayList<>(params.segments().keySet());
        List<String> tiers = new ArrayList<>(params.chipTiers().keySet());
        double gpuEur = params.settings().aiReferencePriceEurPerGpuHour();
        try (Writer w = open(dir.resolve(QUARTERS))) {
            List<String> head = new ArrayList<>(List.of("quarter", "quarter_index", "provider", "price_general_index",
                    "price_ai_index", "price_ai_eur_per_gpu_hour", "marginal_cost_general_index",
                    "marginal_cost_ai_index", "revenue_general_eur_bn", "revenue_ai_eur_bn", "revenue_eur_bn",
                    "revenue_share", "customers", "capacity_general_units", "capacity_ai_units",
                    "utilisation_general", "utilisation_ai", "margin", "profit_eur_bn", "shadow_price_general_index",
                    "shadow_price_ai_index", "switched_in", "switched_out", "rationed_workload_units"));
            for (String t : tiers) {
                head.add("gpu_supply_" + t + "_units");
            }
            for (String t : tiers) {
                head.add("ai_capacity_" + t + "_units");
            }
            Csv.row(w, head);
            for (QuarterSnapshot s : rec.quarters()) {
                for (ProviderQuarter p : s.providers()) {
                    List<String> r = new ArrayList<>(List.of(s.label(), Integer.toString(s.quarter()), p.provider(),
                            Csv.num(p.priceGeneral()), Csv.num(p.priceAi()), Csv.num(p.priceAi() * gpuEur),
                            Csv.num(p.marginalCostGeneral()), Csv.num(p.marginalCostAi()),
                            Csv.num(p.revenueGeneral()), Csv.num(p.revenueAi()), Csv.num(p.revenue()),
                            Csv.num(p.revenueShare()), Integer.toString(p.customers()), Csv.num(p.capacityGeneral()),
                            Csv.num(p.capacityAi()), Csv.num(p.utilisationGeneral()), Csv.num(p.utilisationAi()),
                            Csv.num(p.margin()), Csv.num(p.profit()), Csv.num(p.shadowPriceGeneral()),
                            Csv.num(p.shadowPriceAi()), Integer.toString(p.switchedIn()),
                            Integer.toString(p.switchedOut()), Csv.num(p.rationedWorkload())));
                    double[] del = p.gpuDeliveredByTier();
                    double[] cap = p.aiCapacityByTier();
                    for (int t = 0; t < tiers.size(); t++) {
                        r.add(Csv.num(del[t]));
                    }
                    for (int t = 0; t < tiers.size(); t++) {
                        r.add(Csv.num(cap[t]));
                    }
                    Csv.row(w, r);
                }
            }
        }
        try (Writer w = open(dir.resolve(SEGMENTS))) {
            Csv.row(w, "quarter", "quarter_index", "segment", "provider", "revenue_share_in_segment",
                    "segment_cloud_adoption");
            for (QuarterSnapshot s : rec.quarters()) {
                for (int g = 0; g < segments.size(); g++) {
                    for (int j = 0; j < providers.size(); j++) {
                        Csv.row(w, s.label(), Integer.toString(s.quarter()), segments.get(g), providers.get(j),
                                Csv.num(s.segmentShares()[g][j]), Csv.num(s.segmentCloudShare()[g]));
                    }
                }
            }
        }
        try (Writer w = open(dir.resolve(WELFARE))) {
            Csv.row(w, "quarter", "quarter_index", "group", "id", "measure", "value_eur_bn");
            for (QuarterSnapshot s : rec.quarters()) {
                double total = 0;
                for (int g = 0; g < segments.size(); g++) {
                    total += s.consumerSurplus()[g];
                    Csv.row(w, s.label(), Integer.toString(s.quarter()), "segment", segments.get(g),
                            "consumer_surplus", Csv.num(s.consumerSurplus()[g]));
                }
                Csv.row(w, s.label(), Integer.toString(s.quarter()), "market", "all", "consumer_surplus",
                        Csv.num(total));
                double profits = 0;
                for (ProviderQuarter p : s.providers()) {
                    profits += p.profit();
                    Csv.row(w, s.label(), Integer.toString(s.quarter()), "provider", p.provider(), "profit",
                            Csv.num(p.profit()));
                }
                Csv.row(w, s.label(), Integer.toString(s.quarter()), "market", "all", "profit", Csv.num(profits));
            }
        }
        try (Writer w = open(dir.resolve(FLOWS))) {
            Csv.row(w, "quarter", "quarter_index", "from", "to", "buyers");
            List<String> names = new ArrayList<>(providers);
            names.add(ON_PREMISES);
            for (QuarterSnapshot s : rec.quarters()) {
                int[][] f = s.flows();
                for (int a = 0; a < names.size(); a++) {
                    for (int b = 0; b < names.size(); b++) {
                        if (a != b && f[a][b] > 0) {
                            Csv.row(w, s.label(), Integer.toString(s.quarter()), names.get(a), names.get(b),
                                    Integer.toString(f[a][b]));
                        }
                    }
                }
            }
        }
        try (Writer w = open(dir.resolve(EVENTS))) {
            Csv.row(w, "time_quarters", "quarter", "type", "target", "parameters", "description", "origin");
            for (EventRecord e : rec.events()) {
                Csv.row(w, Csv.num(e.time()), e.quarter(), e.type(), e.target(), e.parameters(), e.description(),
                        e.origin());
            }
        }
        writeCodebook(dir.resolve(CODEBOOK), tiers);
    }

    private static Writer open(Path p) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8));
    }

    private static void writeCodebook(Path p, List<String> tiers) throws IOException {
        try (Writer w = open(p)) {
            Csv.row(w, "file", "column", "unit", "description");
            String q = QUARTERS;
            String[][] rows = {
                {q, "quarter", "label", "calendar quarter, e.g. 2025Q1"},
                {q, "quarter_index", "quarters", "quarters since the start of the run (0 = first)"},
                {q, "provider", "id", "provider id from the config"},
                {q, "price_general_index", "EUR per workload unit", "list price of general compute at the end of the quarter (1.0 = reference)"},
                {q, "price_ai_index", "EUR per workload unit", "list price of AI/GPU compute at the end of the quarter (index)"},
                {q, "price_ai_eur_per_gpu_hour", "EUR per GPU-hour", "AI price index times market.aiReferencePriceEurPerGpuHour"},
                {q, "marginal_cost_general_index", "EUR per workload unit", "marginal cost of general compute"},
                {q, "marginal_cost_ai_index", "EUR per workload unit", "marginal cost of AI compute (chip mix, levies, leases)"},
                {q, "revenue_general_eur_bn", "EUR bn per quarter", "revenue from general compute at contract prices"},
                {q, "revenue_ai_eur_bn", "EUR bn per quarter", "revenue from AI compute at contract prices"},
                {q, "revenue_eur_bn", "EUR bn per quarter", "total revenue"},
                {q, "revenue_share", "fraction", "share of total cloud revenue in the quarter; sums to 1 over providers"},
                {q, "customers", "buyers", "buyer agents under contract at the end of the quarter"},
                {q, "capacity_general_units", "workload units", "installed general-compute capacity"},
                {q, "capacity_ai_units", "workload units", "installed AI capacity (all chip tiers, performance-weighted)"},
                {q, "utilisation_general", "fraction", "general load / capacity"},
                {q, "utilisation_ai", "fraction", "AI load / capacity"},
                {q, "margin", "fraction", "profit / revenue"},
                {q, "profit_eur_bn", "EUR bn per quarter", "revenue minus marginal cost times load"},
                {q, "shadow_price_general_index", "EUR per workload unit", "price increase that would clear expected demand to general capacity (0 when slack)"},
                {q, "shadow_price_ai_index", "EUR per workload unit", "price increase that would clear expected demand to AI capacity (0 when slack)"},
                {q, "switched_in", "buyers", "buyers who moved to the provider in the quarter (from rivals or on premises)"},
                {q, "switched_out", "buyers", "buyers who left the provider in the quarter"},
                {q, "rationed_workload_units", "workload units", "demand turned away because capacity was full (spilled to the next choice)"},
                {SEGMENTS, "segment", "id", "buyer segment id"},
                {SEGMENTS, "revenue_share_in_segment", "fraction", "provider's share of the segment's cloud revenue"},
                {SEGMENTS, "segment_cloud_adoption", "fraction", "share of the segment's workload in the cloud (rest on premises)"},
                {WELFARE, "group", "segment|provider|market", "what the row measures"},
                {WELFARE, "measure", "consumer_surplus|profit", "consumer surplus from the logit inclusive value relative to staying on premises (Small-Rosen; what buyers would lose without the cloud); or provider profit"},
                {WELFARE, "value_eur_bn", "EUR bn per quarter", "value of the measure"},
                {FLOWS, "from", "id", "previous supplier (provider id or on_premises)"},
                {FLOWS, "to", "id", "new supplier"},
                {FLOWS, "buyers", "buyers", "buyers who moved in the quarter"},
                {EVENTS, "time_quarters", "quarters", "model time the event fired"},
                {EVENTS, "type", "id", "event type (domain.md E1-E14)"},
                {EVENTS, "target", "id", "provider, tier, country or segment acted on"},
                {EVENTS, "parameters", "key=value;...", "event parameters"},
                {EVENTS, "origin", "scenario|stochastic", "dated scenario event or hazard-driven draw"},
            };
            for (String[] r : rows) {
                Csv.row(w, r);
            }
            for (String t : tiers) {
                Csv.row(w, q, "gpu_supply_" + t + "_units", "workload units",
                        "AI capacity of chip tier " + t + " delivered in the quarter");
            }
            for (String t : tiers) {
                Csv.row(w, q, "ai_capacity_" + t + "_units", "workload units",
                        "installed AI capacity of chip tier " + t);
            }
        }
    }
}
