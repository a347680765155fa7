package eu.cloudmarket.experiment.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.estimation.MomentCatalogue;
import eu.cloudmarket.estimation.SmmProblem;
import eu.cloudmarket.estimation.Target;
import eu.cloudmarket.estimation.UnitBox;
import eu.cloudmarket.output.Metadata;
import eu.cloudmarket.scenario.ConfigException;
import eu.cloudmarket.scenario.ConfigProblems;
import eu.cloudmarket.scenario.HeldTargets;
import eu.cloudmarket.scenario.Overrides;
import eu.cloudmarket.scenario.Scenario;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A calibration ready to run: the calibration file, its base scenario read once, the targets and the
 * {@link SmmProblem}. Preparing loads the base scenario with each parameter at its min and at its max, so that an
 * unknown key path or a value the scenario refuses fails before anything runs, naming the calibration file's key; and
 * resolves every selected target's metric against the scenario's providers.
 */
public final class Calibration {
    private final CalibrationFile file;
    private final ScenarioLoader.Source base;
    private final long seed;
    private final SmmProblem problem;
    private final String specSha;
    private final String targetsSha;

    private Calibration(CalibrationFile file, ScenarioLoader.Source base, long seed, SmmProblem problem,
            String specSha, String targetsSha) {
        this.file = file;
        this.base = base;
        this.seed = seed;
        this.problem = problem;
        this.specSha = specSha;
        this.targetsSha = targetsSha;
    }

    public CalibrationFile file() {
        return file;
    }

    public SmmProblem problem() {
        return problem;
    }

    public long seed() {
        return seed;
    }

    /** SHA-256 of what determines the estimation: the calibration file, the resolved base and the targets file. */
    public String specSha() {
        return specSha;
    }

    public String targetsSha() {
        return targetsSha;
    }

    ScenarioLoader.Source base() {
        return base;
    }

    /** Reads and checks a calibration file, its base scenario and its targets; throws on bad input. */
    public static Calibration prepare(Path path) {
        CalibrationFile f = CalibrationFile.read(path);
        ScenarioLoader loader = new ScenarioLoader();
        ScenarioLoader.Source source;
        Scenario scenario;
        try {
            source = loader.read(f.base());
            scenario = loader.load(source, f.runSets(), f.seed());
        } catch (ConfigException e) {
            throw f.problem("base", "the base scenario " + f.base() + " is refused: " + e.getMessage());
        } catch (ConfigProblems e) {
            throw f.problem("base", "the base scenario " + f.base() + " is refused: "
                    + e.problems().get(0).getMessage());
        }
        long seed = f.seed() != null ? f.seed() : scenario.seed();
        ObjectNode resolved = scenario.resolved();
        List<ConfigException> problems = new ArrayList<>();
        for (int i = 0; i < f.parameters().size(); i++) {
            checkParameter(f, i, loader, source, resolved, scenario, problems);
        }
        List<String> providers = new ArrayList<>(scenario.params().providers().keySet());
        Map<String, List<String>> groups = new LinkedHashMap<>(MomentCatalogue.DEFAULT_GROUPS);
        groups.keySet().removeIf(g -> !providers.containsAll(MomentCatalogue.DEFAULT_GROUPS.get(g)));
        groups.putAll(f.groups());
        MomentCatalogue catalogue = null;
        try {
            catalogue = new MomentCatalogue(providers, groups);
        } catch (IllegalArgumentException e) {
            problems.add(f.problem("groups", e.getMessage()));
        }
        List<Target> targets = List.of();
        try {
            TargetsCsv.Parsed rows = TargetsCsv.parse(f.targets());
            if (catalogue != null) {
                targets = TargetsCsv.targets(f.targets(), rows, f.moments(), catalogue,
                        (i, reason) -> f.problem("moments." + i, reason));
            }
        } catch (ConfigException e) {
            problems.add(e);
        } catch (ConfigProblems e) {
            problems.addAll(e.problems());
        }
        if (problems.size() == 1) {
            throw problems.get(0);
        }
        if (!problems.isEmpty()) {
            throw new ConfigProblems(problems);
        }
        SmmProblem problem;
        try {
            problem = problem(f, targets);
        } catch (IllegalArgumentException e) {
            throw f.problem("replications", e.getMessage());
        }
        byte[] targetBytes = bytes(f.targets());
        String specSha = Metadata.sha256((Metadata.sha256(bytes(path)) + Metadata.sha256(resolved.toString()
                .getBytes(StandardCharsets.UTF_8)) + Metadata.sha256(targetBytes) + seed)
                .getBytes(StandardCharsets.UTF_8));
        return new Calibration(f, source, seed, problem, specSha, Metadata.sha256(targetBytes));
    }

    /** The scenario overrides of θ: the file's fixed sets, then each parameter's path at its value. */
    public List<String> sets(double[] theta) {
        List<String> sets = new ArrayList<>(file.runSets());
        for (int k = 0; k < theta.length; k++) {
            sets.add(file.parameters().get(k).path() + "=" + plain(theta[k]));
        }
        return sets;
    }

    /** A double as plain decimal text that reads back as the same double (YAML does not read 1.0E-4 as a number). */
    public static String plain(double v) {
        return new BigDecimal(Double.toString(v)).toPlainString();
    }

    private static SmmProblem problem(CalibrationFile f, List<Target> targets) {
        int k = f.parameters().size();
        double[] min = new double[k];
        double[] max = new double[k];
        double[] start = new double[k];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            CalibrationFile.Parameter p = f.parameters().get(i);
            min[i] = p.min();
            max[i] = p.max();
            start[i] = p.start();
            names.add(p.name());
        }
        return new SmmProblem(names, new UnitBox(min, max), start, targets, f.replications(), f.weighting(),
                f.optimizer());
    }

    private static void checkParameter(CalibrationFile f, int i, ScenarioLoader loader, ScenarioLoader.Source source,
            ObjectNode resolved, Scenario scenario, List<ConfigException> problems) {
        CalibrationFile.Parameter p = f.parameters().get(i);
        String at = "parameters." + i + ".path";
        JsonNode node = resolved;
        for (String part : p.path().split("\\.", -1)) {
            if (!node.isObject() || !node.has(part)) {
                problems.add(f.problem(at, node.isArray() ? "'" + p.path() + "' goes through a list; only keys under"
                        + " mappings can be estimated (calibrated.yaml sets them by extending the base)"
                        : "unknown parameter path '" + p.path() + "': the base scenario has no key '" + part + "'"));
                return;
            }
            node = node.get(part);
        }
        if (!node.isNumber()) {
            problems.add(f.problem(at, "'" + p.path() + "' is not a number in the base scenario (was '"
                    + node.asText() + "')"));
            return;
        }
        String inert = HeldTargets.inertReason(p.path(), scenario.params().structural());
        if (inert != null) {
            problems.add(f.problem(at, inert));
            return;
        }
        for (double v : new double[] {p.min(), p.max()}) {
            List<String> sets = new ArrayList<>(f.runSets());
            sets.add(p.path() + "=" + plain(v));
            try {
                loader.load(source, sets, f.seed());
            } catch (ConfigException e) {
                problems.add(f.problem(at, "value " + v + " is refused by the base scenario: " + e.getMessage()));
                return;
            } catch (ConfigProblems e) {
                problems.add(f.problem(at, "value " + v + " is refused by the base scenario: "
                        + e.problems().get(0).getMessage()));
                return;
            }
        }
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new ConfigException(p.toString(), null, "cannot read: " + e.getMessage());
        }
    }
}
