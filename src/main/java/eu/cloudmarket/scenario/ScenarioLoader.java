package eu.cloudmarket.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.engine.QuarterClock;
import eu.cloudmarket.model.StochasticEvent;
import eu.cloudmarket.model.events.ScheduledEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads scenario files (YAML, or JSON) into validated {@link Scenario}s. Steps: read and parse the file (strictly: no
 * duplicate keys, bounded aliases and size; {@link ConfigReader}), resolve {@code extends} (deep merge; dated events
 * accumulate; {@link ExtendsResolver}), apply {@code --set} overrides by dotted path ({@link Overrides}), bind to
 * records (unknown keys and wrong types fail) and check cross-field rules ({@link ParamsBinder}), and check the events
 * and convert their dates to model time ({@link EventParser}). Every failure is a {@link ConfigException} naming the
 * file, the key and, where the file has one, the line and column ({@link ProblemReport}).
 */
public final class ScenarioLoader {
    /** The master seed of a scenario that names none. */
    private static final long DEFAULT_SEED = 1L;

    private final ConfigReader reader = new ConfigReader();
    private final ObjectMapper yaml = reader.yamlMapper();
    private final ExtendsResolver resolver = new ExtendsResolver(reader);
    private final StrictBinder binder = new StrictBinder();
    private final ParamsBinder paramsBinder = new ParamsBinder(binder);
    private final EventParser eventParser = new EventParser(binder);

    /** The YAML mapper used for reading and for writing resolved configs. */
    public ObjectMapper yamlMapper() {
        return yaml;
    }

    /** Loads a scenario with no overrides. */
    public Scenario load(Path file) {
        return load(file, List.of(), null);
    }

    /**
     * Loads a scenario, reporting every problem found (not only the first) as a {@link ConfigProblems}, or a single
     * {@link ConfigException} when there is exactly one.
     *
     * @param file         scenario file
     * @param sets         {@code key=value} overrides applied in order
     * @param seedOverride master seed replacing the file's, or null
     */
    public Scenario load(Path file, List<String> sets, Long seedOverride) {
        SourceMap sources = new SourceMap();
        ObjectNode tree = resolver.resolve(file, sources);
        return load(tree, file.toString(), sources, sets, seedOverride);
    }

    /**
     * Checks and loads a configuration tree built in memory (e.g. one sweep cell, or a test's generated config), with
     * the same checks as a file. The tree must be complete: {@code extends} is not resolved here. It is not modified.
     *
     * @param origin name used in messages in place of a file name
     */
    public Scenario load(ObjectNode tree, String origin, List<String> sets, Long seedOverride) {
        ObjectNode copy = tree.deepCopy();
        if (copy.has("extends") || copy.has("dropEvents")) {
            throw new ConfigException(origin, copy.has("extends") ? "extends" : "dropEvents",
                    "is only resolved when loading from a file");
        }
        return load(copy, origin, new SourceMap(), sets, seedOverride);
    }

    /**
     * A scenario file read and resolved ({@code extends}) once, so that a sweep can build it many times with
     * different overrides without parsing it again. Immutable: every {@link #load(Source, List, Long)} works on a
     * copy of the tree (with its own source map), so one source may be shared by several threads.
     */
    public static final class Source {
        private final ObjectNode tree;
        private final String fileName;

        private Source(ObjectNode tree, String fileName) {
            this.tree = tree;
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }
    }

    /** Reads and resolves a scenario file, for {@link #load(Source, List, Long)}. */
    public Source read(Path file) {
        return new Source(resolver.resolve(file, new SourceMap()), file.toString());
    }

    /**
     * Builds a scenario from a source read earlier, with the same checks as {@link #load(Path, List, Long)} on its
     * file (messages name the file but, the tree being a copy, without line numbers).
     */
    public Scenario load(Source source, List<String> sets, Long seedOverride) {
        return load(source.tree.deepCopy(), source.fileName, new SourceMap(), sets, seedOverride);
    }

    private Scenario load(ObjectNode tree, String fileName, SourceMap sources, List<String> sets, Long seedOverride) {
        List<ConfigException> problems = new ArrayList<>();
        applyOverrides(tree, sets, seedOverride, sources, problems);
        Scenario scenario = build(tree, fileName, problems);
        if (!problems.isEmpty()) {
            throw ProblemReport.of(problems, fileName, tree, sources);
        }
        return scenario;
    }

    /** Applies the {@code --set} overrides, then {@code --seed}; bad overrides are added to {@code problems}. */
    private void applyOverrides(ObjectNode tree, List<String> sets, Long seedOverride, SourceMap sources,
            List<ConfigException> problems) {
        for (String set : sets) {
            try {
                Overrides.apply(tree, set, yaml, sources);
            } catch (ConfigException e) {
                problems.add(e);
            }
        }
        if (seedOverride != null) {
            tree.put("seed", seedOverride);
            sources.put(tree, "seed", new SourceMap.Position("--seed " + seedOverride, -1, -1));
        }
    }

    /**
     * Binds the resolved tree and its events, adding every problem found to {@code problems}; returns the scenario,
     * or null if there were problems. {@code tree} becomes the scenario's resolved config (with its seed).
     */
    private Scenario build(ObjectNode tree, String file, List<ConfigException> problems) {
        int before = problems.size();
        if (!tree.has("seed")) {
            tree.put("seed", DEFAULT_SEED);
        }
        ParamsBinder.Bound bound = paramsBinder.bind(tree.deepCopy(), file, problems);
        if (bound == null || bound.repaired().stream().anyMatch(p -> p.startsWith("horizon."))) {
            return null; // event dates cannot be checked against a horizon that is itself wrong
        }
        ScenarioConfig cfg = bound.config();
        QuarterClock clock = QuarterClock.startingAt(cfg.horizon().start());
        Set<String> ids = new LinkedHashSet<>();
        List<ScheduledEvent> events = eventParser.dated(cfg.events(), file, clock, bound.params(),
                cfg.horizon().truncateEvents(), ids, problems);
        List<StochasticEvent> stochastic = eventParser.stochastic(cfg.stochasticEvents(), file, clock,
                bound.params(), ids, problems);
        if (problems.size() > before) {
            return null;
        }
        return new Scenario(bound.name(), cfg.description() == null ? "" : cfg.description(),
                cfg.question() == null ? "" : cfg.question(), file, cfg.seed(), tree, bound.params(),
                List.copyOf(events), List.copyOf(stochastic));
    }

    /**
     * Why {@code name} cannot name a results folder, or null if it can (names become folders under results/, so they
     * must not be able to point anywhere else).
     */
    public static String folderNameProblem(String name) {
        return ParamsBinder.folderNameProblem(name);
    }

    /** Reads a file into a tree, checking it is a readable, non-empty, text YAML mapping. */
    public ObjectNode readTree(Path file) {
        return readTree(file, new SourceMap());
    }

    /**
     * Reads a file into a tree, checking it is a readable, non-empty, text YAML mapping, and records the position of
     * every key and list item in {@code sources}.
     */
    public ObjectNode readTree(Path file, SourceMap sources) {
        return reader.read(file, sources);
    }

    /** Creates an empty object node (for callers building configs programmatically). */
    public static ObjectNode newObject() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * Reads a file into a tree and indexes the positions of its keys by dotted path (for files that are not
     * scenarios, such as sweep files), under the file's name in {@code locations}.
     */
    public ObjectNode readTree(Path file, Map<String, Locations> locations) {
        SourceMap sources = new SourceMap();
        ObjectNode tree = readTree(file, sources);
        locations.put(file.toString(), new Locations(sources.byPath(tree)));
        return tree;
    }

    /** Positions of keys in one file, by dotted path, as its {@link SourceMap} recorded them. */
    public static final class Locations {
        private final Map<String, SourceMap.Position> byPath;

        private Locations(Map<String, SourceMap.Position> byPath) {
            this.byPath = byPath;
        }

        /** Line and column of the longest prefix of {@code path} that the file defines, or null. */
        public int[] find(String path) {
            String p = path;
            while (p != null && !p.isEmpty()) {
                SourceMap.Position at = byPath.get(p);
                if (at != null) {
                    return new int[] {at.line(), at.column()};
                }
                int dot = p.lastIndexOf('.');
                p = dot > 0 ? p.substring(0, dot) : null;
            }
            return null;
        }
    }
}
