package eu.cloudmarket.experiment.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import eu.cloudmarket.scenario.HeldTargets;
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
        this.manifest = SweepManifest.build(file, plan, baseSha, referenceSha);
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
            String inert = HeldTargets.inertReason(p.path(), base.params().structural());
            if (inert != null) {
                throw f.problem("parameters." + i, inert);
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
