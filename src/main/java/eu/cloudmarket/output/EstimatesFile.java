package eu.cloudmarket.output;

import eu.cloudmarket.model.params.StructuralParams;
import eu.cloudmarket.model.params.StructuralParams.ProviderEstimates;
import eu.cloudmarket.model.params.StructuralParams.Provenance;
import eu.cloudmarket.model.params.StructuralParams.SegmentEstimates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a run's structural parameters as {@code estimates.yaml}: a config that {@code extends} the run's own
 * {@code config.yaml} and holds the solved qualities, outside utilities and costs fixed ({@code use: estimates}).
 * Numbers are written with {@link Double#toString}, the shortest text that reads back as the same double, so a run of
 * the file repeats the estimating run to the byte (same seed and replication).
 */
public final class EstimatesFile {
    /** The file's name in a result folder. */
    public static final String NAME = "estimates.yaml";

    /** What the calibration matches: the targets the estimates are solved from. */
    public static final String TARGETS = "providers.*.initialShare (installed base), providers.*.flowShare (new"
            + " workloads), segments.*.cloudAdoption; costs: providers.*.general.price and .ai.price with the"
            + " first-order conditions (market.marginalCosts: fromPrices)";

    private EstimatesFile() {
    }

    /** The provenance of estimates solved by a run of {@code scenario} with the given config hash, seed and buyers. */
    public static Provenance provenance(String scenario, String configSha256, long seed, int replication,
            int buyers) {
        return new Provenance(scenario, configSha256, seed, replication, buyers,
                "cloudmarket " + Metadata.toolVersion(), TARGETS);
    }

    /** Writes {@code estimates} into {@code dir} as {@value #NAME}, extending the folder's config.yaml. */
    public static void write(Path dir, StructuralParams estimates) throws IOException {
        Files.writeString(dir.resolve(NAME), text(estimates, "config.yaml"), StandardCharsets.UTF_8);
    }

    /** The YAML text of {@code estimates} as a config extending {@code base} (null: a bare structural section). */
    public static String text(StructuralParams estimates, String base) {
        StringBuilder y = new StringBuilder();
        y.append("# Structural parameters solved from the targets (estimate, then simulate). A scenario that extends\n")
                .append("# this file holds them fixed, so it changes only what it says it changes; with\n")
                .append("# `--set structural.use=targets` a run solves them again from its targets (re-estimation).\n");
        if (base != null) {
            y.append("extends: ").append(base).append('\n');
        }
        y.append("structural:\n");
        y.append("  use: ").append(estimates.use()).append('\n');
        Provenance p = estimates.provenance();
        if (p != null) {
            y.append("  provenance:\n");
            field(y, "scenario", p.scenario());
            field(y, "configSha256", p.configSha256());
            field(y, "seed", p.seed());
            field(y, "replication", p.replication());
            field(y, "buyers", p.buyers());
            field(y, "tool", p.tool());
            field(y, "targets", p.targets());
        }
        if (estimates.marketScale() != null) {
            y.append("  marketScale: ").append(estimates.marketScale()).append('\n');
        }
        y.append("  providers:\n");
        for (Map.Entry<String, ProviderEstimates> e : estimates.providers().entrySet()) {
            ProviderEstimates v = e.getValue();
            y.append("    ").append(e.getKey()).append(": {initialQuality: ").append(v.initialQuality())
                    .append(", quality: ").append(v.quality());
            if (v.hasCosts()) {
                y.append(", generalCost: ").append(v.generalCost()).append(", aiCost: ").append(v.aiCost());
            }
            y.append("}\n");
        }
        y.append("  segments:\n");
        for (Map.Entry<String, SegmentEstimates> e : estimates.segments().entrySet()) {
            SegmentEstimates v = e.getValue();
            y.append("    ").append(e.getKey()).append(": {initialOutsideUtility: ")
                    .append(v.initialOutsideUtility()).append(", outsideUtility: ").append(v.outsideUtility())
                    .append("}\n");
        }
        return y.toString();
    }

    private static void field(StringBuilder y, String key, Object value) {
        if (value != null) {
            String text = value.toString();
            boolean plain = value instanceof Number || text.matches("[A-Za-z0-9_.-]+");
            y.append("    ").append(key).append(": ")
                    .append(plain ? text : '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                    .append('\n');
        }
    }
}
