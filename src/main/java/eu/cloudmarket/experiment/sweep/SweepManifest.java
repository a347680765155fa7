package eu.cloudmarket.experiment.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.experiment.GridDesign;
import eu.cloudmarket.experiment.Metrics;
import eu.cloudmarket.experiment.ParameterValue;
import eu.cloudmarket.experiment.SweepParameter;
import eu.cloudmarket.experiment.SweepPlan;
import eu.cloudmarket.output.Metadata;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * A sweep's manifest.json: the plan (design, parameters, seeds, runs, metrics, the base and reference scenarios' hashes)
 * and the SHA-256 of that plan, which identifies the sweep in its folder and in every journal header. Nothing in it
 * depends on time or host, so every shard of a sweep writes the same manifest.
 */
final class SweepManifest {
    private final ObjectMapper json = new ObjectMapper();
    private final SweepFile file;
    private final SweepPlan plan;
    private final String baseSha;
    private final String referenceSha;

    private SweepManifest(SweepFile file, SweepPlan plan, String baseSha, String referenceSha) {
        this.file = file;
        this.plan = plan;
        this.baseSha = baseSha;
        this.referenceSha = referenceSha;
    }

    /**
     * The manifest of a planned sweep.
     *
     * @param baseSha      SHA-256 of the resolved base scenario
     * @param referenceSha SHA-256 of the resolved reference scenario, or null without one
     */
    static ObjectNode build(SweepFile file, SweepPlan plan, String baseSha, String referenceSha) {
        SweepManifest m = new SweepManifest(file, plan, baseSha, referenceSha);
        ObjectNode planNode = m.planNode();
        return m.manifest(planNode, Metadata.sha256(planNode.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** What the plan's hash covers. */
    private ObjectNode planNode() {
        ObjectNode n = json.createObjectNode();
        n.put("design", plan.design().kind());
        if (!(plan.design() instanceof GridDesign)) {
            n.put("samples", plan.cells());
        }
        n.set("parameters", parameters());
        n.put("cells", plan.cells());
        n.put("replications", plan.replications());
        n.put("runs", plan.totalRuns());
        n.put("master_seed", plan.masterSeed());
        n.set("fixed_overrides", texts(plan.fixedOverrides()));
        n.set("metrics", texts(plan.metrics()));
        n.put("base_scenario_sha256", baseSha);
        if (plan.hasReference()) {
            ObjectNode ref = n.putObject("reference");
            ref.put("resolved_sha256", referenceSha);
            ref.set("overrides", texts(plan.referenceOverrides()));
        } else {
            n.putNull("reference");
        }
        return n;
    }

    /** The plan with its provenance, the explanations of seeds, run ids and shards, and its hash. */
    private ObjectNode manifest(ObjectNode planNode, String planSha) {
        ObjectNode m = json.createObjectNode();
        m.put("format", SweepFolder.FORMAT);
        m.put("tool", "cloudmarket");
        m.put("version", Metadata.toolVersion());
        m.put("name", plan.name());
        m.put("description", file.description());
        m.put("sweep_file", file.file().toString());
        m.put("base_scenario", file.base().toString());
        m.put("base_scenario_sha256", baseSha);
        m.put("design", plan.design().kind());
        if (!(plan.design() instanceof GridDesign)) {
            m.put("samples", plan.cells());
        }
        m.set("parameters", planNode.get("parameters").deepCopy());
        m.put("cells", plan.cells());
        m.put("replications", plan.replications());
        m.put("runs", plan.totalRuns());
        m.put("master_seed", plan.masterSeed());
        m.put("seeds", "replication r of every cell (and of the reference) runs with RandomStreams(master_seed, r):"
                + " the same as run BASE --seed master_seed --replication r --set <fixed_overrides> --set"
                + " <the cell's values>");
        m.set("fixed_overrides", texts(plan.fixedOverrides()));
        m.set("metrics", texts(plan.metrics()));
        ObjectNode units = m.putObject("metric_units");
        plan.metrics().forEach(x -> units.put(x, Metrics.unit(x)));
        if (plan.hasReference()) {
            ObjectNode ref = m.putObject("reference");
            ref.put("base", file.referenceBase().toString());
            ref.put("resolved_sha256", referenceSha);
            ref.set("overrides", texts(plan.referenceOverrides()));
        } else {
            m.putNull("reference");
        }
        m.put("run_ids", "run_id = cell_id * replications + replication; reference runs follow the cells, with"
                + " cell_id ref");
        m.put("shards", "shard I of N (1-based) runs the run ids with run_id mod N = I - 1");
        m.put("plan_sha256", planSha);
        return m;
    }

    private ArrayNode parameters() {
        ArrayNode params = json.createArrayNode();
        for (SweepParameter p : plan.parameters()) {
            ObjectNode n = params.addObject();
            n.put("path", p.path());
            n.put("column", p.column());
            n.put("distribution", p.distribution().id());
            if (p.distribution() == SweepParameter.Distribution.VALUES) {
                ArrayNode vs = n.putArray("values");
                p.levels().forEach(v -> vs.add(v.text()));
                n.put("numeric", p.levels().stream().allMatch(ParameterValue::isNumeric));
            } else {
                if (p.distribution() == SweepParameter.Distribution.NORMAL) {
                    n.put("mean", decimal(p.mean()));
                    n.put("sd", decimal(p.sd()));
                }
                if (Double.isFinite(p.min())) {
                    n.put("min", decimal(p.min()));
                }
                if (Double.isFinite(p.max())) {
                    n.put("max", decimal(p.max()));
                }
                n.put("integer", p.integer());
                n.put("numeric", true);
            }
        }
        return params;
    }

    private ArrayNode texts(Iterable<String> values) {
        ArrayNode a = json.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    /** A number as its canonical decimal, so the manifest does not depend on the JDK's double formatting. */
    private static BigDecimal decimal(double v) {
        return new BigDecimal(ParameterValue.canonical(v));
    }
}
