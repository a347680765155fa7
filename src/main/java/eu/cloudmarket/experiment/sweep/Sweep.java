package eu.cloudmarket.experiment.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.experiment.Design;
import eu.cloudmarket.experiment.GridDesign;
import eu.cloudmarket.experiment.Metrics;
import eu.cloudmarket.experiment.ParameterValue;
import eu.cloudmarket.experiment.RunSetup;
import eu.cloudmarket.experiment.RunSpec;
import eu.cloudmarket.experiment.SampledDesign;
import eu.cloudmarket.experiment.SweepParameter;
import eu.cloudmarket.experiment.SweepPlan;
import eu.cloudmarket.output.Metadata;
import eu.cloudmarket.scenario.ConfigException;
import eu.cloudmarket.scenario.ConfigProblems;
import eu.cloudmarket.scenario.Scenario;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A sweep ready to run: the sweep file, its checked base scenario, the {@link SweepPlan} and the manifest that
 * identifies it. Preparing loads the base scenario (and the reference) once, and loads it once more with each listed
 * value (or each end of each range) of each parameter on its own, so that a misspelt path or an out-of-range value
 * fails before anything runs, naming the sweep file's key.
 */
public final class Sweep {
    private final SweepFile file;
    private final SweepPlan plan;
    private final String baseSha;
    private final String referenceSha;
    private final ObjectNode manifest;
    private final ScenarioLoader.Source baseSource;
    private final ScenarioLoader.Source referenceSource;
    private final ThreadLocal<ScenarioLoader> loaders = ThreadLocal.withInitial(ScenarioLoader::new);
    /** The last scenario each worker thread built (the load of a refused one throws and is not kept). */
    private final ThreadLocal<LastSetup> lastSetups = new ThreadLocal<>();

    private Sweep(SweepFile file, SweepPlan plan, ScenarioLoader.Source baseSource,
            ScenarioLoader.Source referenceSource, String baseSha, String referenceSha) {
        this.file = file;
        this.plan = plan;
        this.baseSource = baseSource;
        this.referenceSource = referenceSource;
        this.baseSha = baseSha;
        this.referenceSha = referenceSha;
        this.manifest = buildManifest();
    }

    public SweepFile file() {
        return file;
    }

    public SweepPlan plan() {
        return plan;
    }

    public ObjectNode manifest() {
        return manifest.deepCopy();
    }

    public String planSha() {
        return manifest.get("plan_sha256").asText();
    }

    /** Reads, checks and plans a sweep file; throws ConfigException/ConfigProblems on bad input. */
    public static Sweep prepare(java.nio.file.Path sweepFile) {
        SweepFile f = SweepFile.read(sweepFile);
        ScenarioLoader loader = new ScenarioLoader();
        ScenarioLoader.Source baseSource = read(f, loader, f.base(), "base");
        Scenario base = loadChecked(f, loader, baseSource, f.fixedSets(), f.seed(), "base");
        long seed = f.seed() != null ? f.seed() : base.seed();
        if (f.seed() == null) {
            base = loadChecked(f, loader, baseSource, f.fixedSets(), seed, "base");
        }
        List<String> providers = new ArrayList<>(base.params().providers().keySet());
        List<String> segments = new ArrayList<>(base.params().segments().keySet());
        List<String> metrics;
        try {
            metrics = Metrics.resolve(f.metrics().isEmpty() ? Metrics.DEFAULT : f.metrics(), providers, segments);
        } catch (Metrics.BadMetric e) {
            throw f.problem(f.metrics().isEmpty() ? "metrics" : "metrics." + e.index(), e.getMessage());
        }
        for (int i = 0; i < f.parameters().size(); i++) {
            SweepParameter p = f.parameters().get(i);
            if (metrics.contains(p.column())) {
                throw f.problem("parameters." + i, "column name '" + p.column() + "' is also a metric; give the"
                        + " parameter another 'name'");
            }
            for (ParameterValue v : probeValues(p)) {
                List<String> sets = new ArrayList<>(f.fixedSets());
                sets.add(p.path() + "=" + v.yaml());
                try {
                    loader.load(baseSource, sets, seed);
                } catch (ConfigException e) {
                    throw f.problem("parameters." + i, "value " + v.text() + " of " + p.path() + " is refused by the"
                            + " base scenario: " + e.getMessage());
                } catch (ConfigProblems e) {
                    throw f.problem("parameters." + i, "value " + v.text() + " of " + p.path() + " is refused by the"
                            + " base scenario: " + e.problems().get(0).getMessage());
                }
            }
        }
        String referenceSha = null;
        ScenarioLoader.Source refSource = null;
        if (f.referenceBase() != null) {
            List<String> sets = new ArrayList<>(f.fixedSets());
            sets.addAll(f.referenceSets());
            refSource = f.referenceBase().equals(f.base()) ? baseSource : read(f, loader, f.referenceBase(),
                    "reference");
            Scenario ref = loadChecked(f, loader, refSource, sets, seed, "reference");
            referenceSha = resolvedSha(loader, ref);
        }
        Design design;
        try {
            design = switch (f.design()) {
                case "grid" -> new GridDesign(f.parameters());
                case "random" -> SampledDesign.random(f.parameters(), f.samples(), seed);
                case "lhs" -> SampledDesign.latinHypercube(f.parameters(), f.samples(), seed);
                default -> SampledDesign.sobol(f.parameters(), f.samples());
            };
        } catch (IllegalArgumentException e) {
            throw f.problem("parameters", e.getMessage());
        }
        SweepPlan plan;
        try {
            plan = new SweepPlan(f.name(), design, f.replications(), seed, f.fixedSets(), metrics,
                    f.referenceBase() == null ? null : f.referenceSets());
        } catch (IllegalArgumentException e) {
            throw f.problem("replications", e.getMessage());
        }
        return new Sweep(f, plan, baseSource, refSource, resolvedSha(loader, base), referenceSha);
    }

    /** The values tried at preparation: every listed value, or both ends of a range. */
    private static List<ParameterValue> probeValues(SweepParameter p) {
        Set<ParameterValue> out = new LinkedHashSet<>();
        if (p.distribution() == SweepParameter.Distribution.VALUES) {
            out.addAll(p.levels());
        } else {
            out.add(p.at(0));
            out.add(p.at(Math.nextDown(1.0)));
        }
        return List.copyOf(out);
    }

    private static ScenarioLoader.Source read(SweepFile f, ScenarioLoader loader, java.nio.file.Path scenario,
            String role) {
        try {
            return loader.read(scenario);
        } catch (ConfigException e) {
            throw f.problem(role, "the " + role + " scenario does not load: " + e.getMessage());
        }
    }

    private static Scenario loadChecked(SweepFile f, ScenarioLoader loader, ScenarioLoader.Source scenario,
            List<String> sets, Long seed, String role) {
        String key = role.equals("base") ? "base" : "reference";
        try {
            return loader.load(scenario, sets, seed);
        } catch (ConfigException e) {
            throw f.problem(key, "the " + role + " scenario does not load: " + e.getMessage());
        } catch (ConfigProblems e) {
            throw f.problem(key, "the " + role + " scenario does not load: " + e.problems().get(0).getMessage());
        }
    }

    private static String resolvedSha(ScenarioLoader loader, Scenario s) {
        try {
            return Metadata.sha256(loader.yamlMapper().writeValueAsBytes(s.resolved()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Builds the scenario of one run (thread-safe: each worker thread has its own loader). A combination of values
     * the scenario refuses fails the run with an {@link InvalidScenario} naming the key but not the file, so the
     * recorded error is the same on every machine whatever the path of the sweep file.
     */
    public RunSetup setup(RunSpec spec) {
        // Runs are numbered cell by cell and workers take them in order, so consecutive runs of a worker usually
        // share their cell: the scenario (immutable) is loaded once per cell and worker, not once per replication.
        LastSetup last = lastSetups.get();
        if (last != null && last.reference == spec.isReference() && last.overrides.equals(spec.overrides())) {
            return last.setup;
        }
        RunSetup setup = load(spec);
        lastSetups.set(new LastSetup(spec.isReference(), spec.overrides(), setup));
        return setup;
    }

    private record LastSetup(boolean reference, List<String> overrides, RunSetup setup) {
    }

    private RunSetup load(RunSpec spec) {
        Scenario s;
        try {
            s = loaders.get().load(spec.isReference() ? referenceSource : baseSource, spec.overrides(),
                    plan.masterSeed());
        } catch (ConfigException e) {
            throw new InvalidScenario(e, 0);
        } catch (ConfigProblems p) {
            throw new InvalidScenario(p.problems().get(0), p.problems().size() - 1);
        }
        return new RunSetup(s.params(), s.events(), s.stochastic());
    }

    /** The scenario of one run is refused (a combination of parameter values that is invalid together). */
    static final class InvalidScenario extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidScenario(ConfigException e, int more) {
            super((e.path() == null || e.path().isEmpty() ? "" : "key '" + e.path() + "': ") + e.reason()
                    + (more > 0 ? " (and " + more + " more)" : ""));
        }
    }

    private ObjectNode buildManifest() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode planNode = json.createObjectNode();
        planNode.put("design", plan.design().kind());
        if (!(plan.design() instanceof GridDesign)) {
            planNode.put("samples", plan.cells());
        }
        ArrayNode params = planNode.putArray("parameters");
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
        planNode.put("cells", plan.cells());
        planNode.put("replications", plan.replications());
        planNode.put("runs", plan.totalRuns());
        planNode.put("master_seed", plan.masterSeed());
        ArrayNode fixed = planNode.putArray("fixed_overrides");
        plan.fixedOverrides().forEach(fixed::add);
        ArrayNode metrics = planNode.putArray("metrics");
        plan.metrics().forEach(metrics::add);
        planNode.put("base_scenario_sha256", baseSha);
        if (plan.hasReference()) {
            ObjectNode ref = planNode.putObject("reference");
            ref.put("resolved_sha256", referenceSha);
            ArrayNode ro = ref.putArray("overrides");
            plan.referenceOverrides().forEach(ro::add);
        } else {
            planNode.putNull("reference");
        }
        String planSha = Metadata.sha256(planNode.toString().getBytes(StandardCharsets.UTF_8));

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
        m.set("parameters", params.deepCopy());
        m.put("cells", plan.cells());
        m.put("replications", plan.replications());
        m.put("runs", plan.totalRuns());
        m.put("master_seed", plan.masterSeed());
        m.put("seeds", "replication r of every cell (and of the reference) runs with RandomStreams(master_seed, r):"
                + " the same as run BASE --seed master_seed --replication r --set <fixed_overrides> --set"
                + " <the cell's values>");
        m.set("fixed_overrides", fixed.deepCopy());
        m.set("metrics", metrics.deepCopy());
        ObjectNode units = m.putObject("metric_units");
        plan.metrics().forEach(x -> units.put(x, Metrics.unit(x)));
        if (plan.hasReference()) {
            ObjectNode ref = m.putObject("reference");
            ref.put("base", file.referenceBase().toString());
            ref.put("resolved_sha256", referenceSha);
            ref.set("overrides", planNode.get("reference").get("overrides").deepCopy());
        } else {
            m.putNull("reference");
        }
        m.put("run_ids", "run_id = cell_id * replications + replication; reference runs follow the cells, with"
                + " cell_id ref");
        m.put("shards", "shard I of N (1-based) runs the run ids with run_id mod N = I - 1");
        m.put("plan_sha256", planSha);
        return m;
    }

    /** A number as its canonical decimal, so the manifest does not depend on the JDK's double formatting. */
    private static java.math.BigDecimal decimal(double v) {
        return new java.math.BigDecimal(ParameterValue.canonical(v));
    }

    /** The manifest as written to manifest.json (deterministic: no times, no host names). */
    public byte[] manifestBytes() {
        try {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            return (json.writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
