package eu.cloudmarket.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import eu.cloudmarket.engine.QuarterClock;
import eu.cloudmarket.model.StochasticEvent;
import eu.cloudmarket.model.events.MarketEvent;
import eu.cloudmarket.model.events.ScheduledEvent;
import eu.cloudmarket.model.params.MarketParams;
import eu.cloudmarket.model.params.ProviderParams;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads scenario files (YAML, or JSON) into validated {@link Scenario}s. Steps: read and parse the file (strictly: no
 * duplicate keys, bounded aliases and size), resolve {@code extends} (deep merge; dated events accumulate), apply
 * {@code --set} overrides by dotted path, bind to records (unknown keys and wrong types fail), check cross-field rules
 * and event references, and convert dates to model time. Every failure is a {@link ConfigException} naming the file,
 * the key and, where the file has one, the line and column.
 */
public final class ScenarioLoader {
    private final ConfigReader reader = new ConfigReader();
    private final ObjectMapper yaml = reader.yamlMapper();
    private final ExtendsResolver resolver = new ExtendsResolver(reader);
    private final StrictBinder binder = new StrictBinder();
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

    private Scenario load(ObjectNode tree, String fileName, SourceMap sources, List<String> sets, Long seedOverride) {
        List<ConfigException> problems = new ArrayList<>();
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
        Scenario scenario = build(tree, fileName, problems);
        if (!problems.isEmpty()) {
            List<ConfigException> located = new ArrayList<>();
            for (ConfigException e : problems) {
                ConfigException l = locate(e, fileName, tree, sources);
                if (located.stream().noneMatch(o -> o.getMessage().equals(l.getMessage()))) {
                    located.add(l);
                }
            }
            throw located.size() == 1 ? located.get(0) : new ConfigProblems(inReadingOrder(located));
        }
        return scenario;
    }

    /**
     * Problems grouped by where they come from (files and options, in order of first appearance), each group sorted by
     * line and column; problems without a position keep their order after those with one.
     */
    private static List<ConfigException> inReadingOrder(List<ConfigException> problems) {
        List<String> origins = new ArrayList<>();
        for (ConfigException e : problems) {
            String o = String.valueOf(e.file());
            if (!origins.contains(o)) {
                origins.add(o);
            }
        }
        List<ConfigException> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.<ConfigException>comparingInt(e -> origins.indexOf(String.valueOf(e.file())))
                .thenComparingInt(e -> e.line() > 0 ? e.line() : Integer.MAX_VALUE)
                .thenComparingInt(e -> e.column() > 0 ? e.column() : Integer.MAX_VALUE));
        return sorted;
    }

    /** Adds the file position (or the command-line option) that a problem's key path came from. */
    private static ConfigException locate(ConfigException e, String fileName, JsonNode tree, SourceMap sources) {
        if (e.line() > 0 || e.path() == null || !fileName.equals(e.file())) {
            return e;
        }
        SourceMap.Position at = sources.locate(tree, e.path());
        if (at == null) {
            return e;
        }
        // After 'extends', events are numbered in the merged list; name them as numbered in the file they are in.
        String path = sources.pathInFile(tree, e.path());
        return new ConfigException(at.origin(), path, at.line(), at.column(), e.reason());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading and extends
    // ---------------------------------------------------------------------------------------------------------

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

    // ---------------------------------------------------------------------------------------------------------
    // Binding and validation
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Checks and binds the resolved tree, adding every problem found to {@code problems}; returns the scenario, or
     * null if there were problems. Stages: schema (keys and types), ranges (record constructors, all fields),
     * cross-field rules and references, the model parameters, then dated and stochastic events. A later stage runs
     * on values that earlier stages replaced by stand-ins, skipping only the checks that depend on them.
     */
    private Scenario build(ObjectNode tree, String file, List<ConfigException> problems) {
        int before = problems.size();
        if (!tree.has("seed")) {
            tree.put("seed", 1L);
        }
        ObjectNode work = tree.deepCopy();
        SchemaCheck.Result schema = SchemaCheck.repairing(work, ScenarioConfig.class, "", file, List.of());
        problems.addAll(schema.problems());
        Defaults.fillScenario(work);
        RangeCheck.Result range = RangeCheck.check(binder.mapper(), work, ScenarioConfig.class, "", file, schema);
        problems.addAll(range.problems());
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
        String name = cfg.name() == null ? stem(file) : cfg.name();
        String nameProblem = folderNameProblem(name);
        if (nameProblem != null) {
            problems.add(cfg.name() != null ? new ConfigException(file, "name", nameProblem)
                    : new ConfigException(file, null, "the file name cannot name a results folder; add a 'name:' key"
                            + " (" + nameProblem + ")"));
        }
        CrossFieldRules.check(cfg, file, range.repaired(), problems);
        MarketParams params;
        try {
            params = new MarketParams(cfg.horizon().start(), cfg.horizon().quarters(), cfg.buyers().count(),
                    cfg.market(), cfg.countries(), cfg.segments(), cfg.chipTiers(), cfg.providers(),
                    cfg.exportControls(), cfg.screening());
        } catch (IllegalArgumentException e) {
            problems.add(Messages.fieldError(file, "", e.getMessage()));
            return null;
        }
        if (range.repaired().stream().anyMatch(p -> p.startsWith("horizon."))) {
            return null; // event dates cannot be checked against a horizon that is itself wrong
        }
        QuarterClock clock = QuarterClock.startingAt(cfg.horizon().start());
        Set<String> ids = new LinkedHashSet<>();
        List<ScheduledEvent> events = eventParser.dated(cfg.events(), file, clock, params,
                cfg.horizon().truncateEvents(), ids, problems);
        List<StochasticEvent> stochastic = eventParser.stochastic(cfg.stochasticEvents(), file, clock, params, ids,
                problems);
        if (problems.size() > before) {
            return null;
        }
        return new Scenario(name, cfg.description() == null ? "" : cfg.description(),
                cfg.question() == null ? "" : cfg.question(), file, cfg.seed(), tree, params, List.copyOf(events),
                List.copyOf(stochastic));
    }

    /**
     * Why {@code name} cannot name a results folder, or null if it can. Names come from configs (or file names) and
     * become folder names under {@code results/}, so they must not be able to point anywhere else: no path
     * separators, no {@code ..}, no leading dot, no absolute paths.
     */
    public static String folderNameProblem(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}") || name.contains("..")) {
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

    /** Creates an empty object node (for callers building configs programmatically). */
    public static ObjectNode newObject() {
        return JsonNodeFactory.instance.objectNode();
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
        SourceMap sources = new SourceMap();
        ObjectNode tree = resolver.resolve(file, sources);
        return new Source(tree, file.toString());
    }

    /**
     * Builds a scenario from a source read earlier, with the same checks as {@link #load(Path, List, Long)} on its
     * file (messages name the file but, the tree being a copy, without line numbers).
     */
    public Scenario load(Source source, List<String> sets, Long seedOverride) {
        return load(source.tree.deepCopy(), source.fileName, new SourceMap(), sets, seedOverride);
    }

    /** Reads a file into a tree and indexes the positions of its keys (for files that are not scenarios). */
    public ObjectNode readTree(Path file, Map<String, Locations> locations) {
        ObjectNode tree = readTree(file);
        try {
            locations.put(file.toString(), Locations.index(yaml, Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // positions are a convenience; readTree has already checked the file
        }
        return tree;
    }

    /** Positions of keys in one YAML text, by dotted path. */
    public static final class Locations {
        private final Map<String, int[]> byPath = new HashMap<>();

        static Locations index(ObjectMapper yaml, String text) {
            Locations l = new Locations();
            try (JsonParser p = yaml.getFactory().createParser(text)) {
                JsonToken tok;
                while ((tok = p.nextToken()) != null) {
                    if (tok == JsonToken.FIELD_NAME) {
                        String ptr = p.getParsingContext().pathAsPointer().toString();
                        JsonLocation loc = p.currentTokenLocation();
                        l.byPath.put(ptr.substring(1).replace('/', '.'), new int[] {loc.getLineNr(), loc.getColumnNr()});
                    } else if (tok == JsonToken.START_OBJECT || tok.isScalarValue()) {
                        if (p.getParsingContext().getParent() != null && p.getParsingContext().getParent().inArray()) {
                            // array element: record the element position
                        }
                        if (p.getParsingContext().inArray()) {
                            String ptr = p.getParsingContext().pathAsPointer().toString();
                            JsonLocation loc = p.currentTokenLocation();
                            l.byPath.putIfAbsent(ptr.substring(1).replace('/', '.'),
                                    new int[] {loc.getLineNr(), loc.getColumnNr()});
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Locations are a convenience; a parse failure here was already reported by readTree.
            }
            return l;
        }

        /** Position of the longest prefix of {@code path} that the file defines, or null. */
        public int[] find(String path) {
            String p = path;
            while (p != null && !p.isEmpty()) {
                int[] at = byPath.get(p);
                if (at != null) {
                    return at;
                }
                int dot = p.lastIndexOf('.');
                p = dot > 0 ? p.substring(0, dot) : null;
            }
            return null;
        }
    }
}
