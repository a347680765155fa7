package eu.cloudmarket.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.model.params.MarketParams;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Binds a resolved scenario tree to {@link ScenarioConfig} and {@link MarketParams}, collecting every problem. Stages:
 * schema (keys and types), defaults, ranges (record constructors, all fields), the scenario name, cross-field rules
 * and references, then the model parameters. A later stage runs on values that earlier stages replaced by stand-ins,
 * skipping only the checks that depend on them.
 */
final class ParamsBinder {
    /** A results folder name: 1-64 characters, so it can never be "..", a path or hidden (see folderNameProblem). */
    private static final String FOLDER_NAME = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    /**
     * A bound scenario.
     *
     * @param config   the bound configuration
     * @param name     the scenario name (from the config, else the file name)
     * @param params   the model parameters
     * @param repaired key paths whose values were replaced by stand-ins (each with its problem reported)
     */
    record Bound(ScenarioConfig config, String name, MarketParams params, Set<String> repaired) {
    }

    private final StrictBinder binder;

    ParamsBinder(StrictBinder binder) {
        this.binder = binder;
    }

    /**
     * Binds {@code work} (modified: defaults filled in, bad values replaced by stand-ins), adding every problem to
     * {@code problems}; returns null when the model parameters cannot be built.
     */
    Bound bind(ObjectNode work, String file, List<ConfigException> problems) {
        SchemaCheck.Result schema = SchemaCheck.repairing(work, ScenarioConfig.class, "", file, List.of());
        problems.addAll(schema.problems());
        Defaults.fillScenario(work);
        RangeCheck.Result range = RangeCheck.check(binder.mapper(), work, ScenarioConfig.class, "", file, schema);
        problems.addAll(range.problems());
        NumericBounds.check(work, file, range.repaired(), problems);
        if (!range.bindable()) {
            return null;
        }
        ScenarioConfig cfg;
        try {
            cfg = binder.bind(work, file, ScenarioConfig.class, "");
        } catch (ConfigException e) {
            problems.add(e);
            return null;
        }
        String name = nameOf(cfg, file, problems);
        CrossFieldRules.check(cfg, file, range.repaired(), problems);
        try {
            MarketParams params = new MarketParams(cfg.horizon().start(), cfg.horizon().quarters(),
                    cfg.buyers().count(), cfg.market(), cfg.countries(), cfg.segments(), cfg.chipTiers(),
                    cfg.providers(), cfg.exportControls(), cfg.screening(), cfg.structural());
            return new Bound(cfg, name, params, range.repaired());
        } catch (IllegalArgumentException e) {
            problems.add(Messages.fieldError(file, "", e.getMessage()));
            return null;
        }
    }

    /** The scenario's name, from its {@code name} key or else its file name; it must be able to name a folder. */
    private static String nameOf(ScenarioConfig cfg, String file, List<ConfigException> problems) {
        String name = cfg.name() == null ? stem(file) : cfg.name();
        String nameProblem = folderNameProblem(name);
        if (nameProblem != null) {
            problems.add(cfg.name() != null ? new ConfigException(file, "name", nameProblem)
                    : new ConfigException(file, null, "the file name cannot name a results folder; add a 'name:' key"
                            + " (" + nameProblem + ")"));
        }
        return name;
    }

    /**
     * Why {@code name} cannot name a results folder, or null if it can. Names come from configs (or file names) and
     * become folder names under {@code results/}, so they must not be able to point anywhere else: no path
     * separators, no {@code ..}, no leading dot, no absolute paths.
     */
    static String folderNameProblem(String name) {
        if (name == null || !name.matches(FOLDER_NAME) || name.contains("..")) {
            return "must be 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit and without '..'"
                    + " (it names the results folder, which must stay inside results/), was '" + name + "'";
        }
        return null;
    }

    private static String stem(String file) {
        String f = Path.of(file).getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }
}
