package eu.cloudmarket.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
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
    private static final int MAX_BYTES = 8 * 1024 * 1024;
    private static final int MAX_EXTENDS_DEPTH = 8;

    private final ObjectMapper yaml;
    private final ObjectMapper binder;

    public ScenarioLoader() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(MAX_BYTES);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(40).build()).build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        yaml = new YAMLMapper(factory);
        binder = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
        binder.coercionConfigDefaults().setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        binder.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        binder.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        binder.coercionConfigFor(LogicalType.Collection).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }

    /** The YAML mapper used for reading and for writing resolved configs. */
    public ObjectMapper yamlMapper() {
        return yaml;
    }

    /** Loads a scenario with no overrides. */
    public Scenario load(Path file) {
        return load(file, List.of(), null);
    }

    /**
     * Loads a scenario.
     *
     * @param file         scenario file
     * @param sets         {@code key=value} overrides applied in order
     * @param seedOverride master seed replacing the file's, or null
     */
    public Scenario load(Path file, List<String> sets, Long seedOverride) {
        return load(read(file), sets, seedOverride);
    }

    /**
     * A scenario file read and resolved ({@code extends}) once, so that a sweep can build it many times with
     * different overrides without parsing it again. Immutable: every {@link #load(Source, List, Long)} works on a
     * copy of the tree, so one source may be shared by several threads.
     */
    public static final class Source {
        private final ObjectNode tree;
        private final String fileName;
        private final Map<String, Locations> locations;

        private Source(ObjectNode tree, String fileName, Map<String, Locations> locations) {
            this.tree = tree;
            this.fileName = fileName;
            this.locations = Map.copyOf(locations);
        }

        public String fileName() {
            return fileName;
        }
    }

    /** Reads and resolves a scenario file, for {@link #load(Source, List, Long)}. */
    public Source read(Path file) {
        Map<String, Locations> locations = new HashMap<>();
        ObjectNode tree = readResolved(file, locations, new LinkedHashSet<>());
        return new Source(tree, file.toString(), locations);
    }

    /** Builds a scenario from a source read earlier; the same as {@link #load(Path, List, Long)} on its file. */
    public Scenario load(Source source, List<String> sets, Long seedOverride) {
        ObjectNode tree = source.tree.deepCopy();
        String fileName = source.fileName;
        Map<String, Locations> locations = source.locations;
        for (String set : sets) {
            Overrides.apply(tree, set, yaml);
        }
        if (seedOverride != null) {
            tree.put("seed", seedOverride);
        }
        try {
            return build(tree, fileName);
        } catch (ConfigException e) {
            throw locate(e, fileName, locations);
        } catch (ConfigProblems p) {
            List<ConfigException> located = new ArrayList<>();
            for (ConfigException e : p.problems()) {
                located.add(locate(e, fileName, locations));
            }
            if (located.size() == 1) {
                throw located.get(0);
            }
            throw new ConfigProblems(located);
        }
    }

    private static ConfigException locate(ConfigException e, String fileName, Map<String, Locations> locations) {
        if (e.line() > 0 || e.path() == null) {
            return e;
        }
        Locations own = locations.get(fileName);
        int[] at = own == null ? null : own.find(e.path());
        if (at != null) {
            return e.at(at[0], at[1]);
        }
        for (Map.Entry<String, Locations> other : locations.entrySet()) {
            int[] o = other.getValue().find(e.path());
            if (o != null) {
                return new ConfigException(other.getKey(), e.path(), o[0], o[1], e.reason());
            }
        }
        return e;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading and extends
    // ---------------------------------------------------------------------------------------------------------

    /** Reads a file into a tree, checking it is a readable, non-empty, text YAML mapping. */
    public ObjectNode readTree(Path file, Map<String, Locations> locations) {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new ConfigException(name, null, "file not found");
        }
        if (Files.isDirectory(file)) {
            throw new ConfigException(name, null, "is a directory, not a config file");
        }
        if (!Files.isReadable(file)) {
            throw new ConfigException(name, null, "file is not readable (check permissions)");
        }
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ConfigException(name, null, "file is larger than " + MAX_BYTES / (1024 * 1024)
                        + " MiB; a scenario file is a few kilobytes");
            }
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(name, null, "not a UTF-8 text file (binary data?)");
        } catch (IOException e) {
            throw new ConfigException(name, null, "cannot read file: " + e.getMessage());
        }
        if (text.indexOf('\0') >= 0) {
            throw new ConfigException(name, null, "not a text file (contains NUL bytes)");
        }
        if (text.isBlank()) {
            throw new ConfigException(name, null, "file is empty");
        }
        JsonNode node;
        try {
            node = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            throw parseError(name, e);
        } catch (RuntimeException e) {
            throw new ConfigException(name, null, "invalid YAML: " + firstLine(e.getMessage()));
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new ConfigException(name, null, "file is empty");
        }
        if (!node.isObject()) {
            throw new ConfigException(name, null, "top level must be a mapping of keys to values, found a "
                    + node.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        if (locations != null) {
            locations.put(name, Locations.index(yaml, text));
        }
        return (ObjectNode) node;
    }

    private static ConfigException parseError(String name, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String msg = firstLine(e.getOriginalMessage());
        if (msg.contains("Duplicate field") || msg.contains("duplicate key")) {
            String key = msg.replaceAll(".*(?:Duplicate field|duplicate key) '?([^' ]+)'?.*", "$1");
            msg = "duplicated key '" + key + "'";
        } else if (msg.toLowerCase(Locale.ROOT).contains("alias")) {
            msg = "too many YAML aliases (limit 20): alias expansion refused";
        } else if (e instanceof JsonParseException || true) {
            msg = "invalid YAML: " + msg;
        }
        int line = loc == null ? -1 : loc.getLineNr();
        int col = loc == null ? -1 : loc.getColumnNr();
        return new ConfigException(name, null, line, col, msg);
    }

    static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl >= 0 ? s.substring(0, nl) : s).trim();
    }

    private ObjectNode readResolved(Path file, Map<String, Locations> locations, Set<Path> chain) {
        Path norm = file.toAbsolutePath().normalize();
        if (!chain.add(norm)) {
            throw new ConfigException(file.toString(), "extends", "circular extends chain");
        }
        if (chain.size() > MAX_EXTENDS_DEPTH) {
            throw new ConfigException(file.toString(), "extends", "extends chain deeper than " + MAX_EXTENDS_DEPTH);
        }
        ObjectNode tree = readTree(file, locations);
        JsonNode ext = tree.remove("extends");
        JsonNode drop = tree.remove("dropEvents");
        if (ext == null) {
            if (drop != null) {
                throw new ConfigException(file.toString(), "dropEvents", "only allowed together with 'extends'");
            }
            return tree;
        }
        if (!ext.isTextual() || ext.asText().isBlank()) {
            throw new ConfigException(file.toString(), "extends", "must be the path of another scenario file");
        }
        Path parentFile = (file.toAbsolutePath().getParent() == null ? Path.of(".") : file.toAbsolutePath().getParent())
                .resolve(ext.asText()).normalize();
        Path shown = relativeToCwd(parentFile);
        if (!Files.exists(parentFile)) {
            throw new ConfigException(file.toString(), "extends", "file not found: " + shown);
        }
        ObjectNode parent = readResolved(shown, locations, chain);
        if (drop != null) {
            dropEvents(parent, drop, file.toString());
        }
        merge(parent, tree, "");
        return parent;
    }

    private static Path relativeToCwd(Path p) {
        try {
            Path cwd = Path.of("").toAbsolutePath();
            return p.startsWith(cwd) ? cwd.relativize(p) : p;
        } catch (RuntimeException e) {
            return p;
        }
    }

    private static void dropEvents(ObjectNode parent, JsonNode drop, String file) {
        if (!drop.isArray()) {
            throw new ConfigException(file, "dropEvents", "must be a list of event ids");
        }
        JsonNode events = parent.get("events");
        Set<String> ids = new LinkedHashSet<>();
        drop.forEach(n -> ids.add(n.asText()));
        Set<String> found = new LinkedHashSet<>();
        if (events instanceof ArrayNode arr) {
            Iterator<JsonNode> it = arr.iterator();
            while (it.hasNext()) {
                JsonNode ev = it.next();
                String id = ev.path("id").asText(null);
                if (id != null && ids.contains(id)) {
                    found.add(id);
                    it.remove();
                }
            }
        }
        ids.removeAll(found);
        if (!ids.isEmpty()) {
            throw new ConfigException(file, "dropEvents", "no event with id " + String.join(", ", ids)
                    + " in the extended scenario");
        }
    }

    /** Deep merge of {@code child} into {@code base}: mappings merge key by key, events accumulate, the rest replaces. */
    private static void merge(ObjectNode base, ObjectNode child, String path) {
        Iterator<Map.Entry<String, JsonNode>> it = child.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            JsonNode existing = base.get(key);
            if (path.isEmpty() && (key.equals("events") || key.equals("stochasticEvents"))
                    && existing instanceof ArrayNode arr && value.isArray()) {
                arr.addAll((ArrayNode) value);
            } else if (existing instanceof ObjectNode eo && value instanceof ObjectNode vo) {
                merge(eo, vo, path + key + ".");
            } else {
                base.set(key, value);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Binding and validation
    // ---------------------------------------------------------------------------------------------------------

    private Scenario build(ObjectNode tree, String file) {
        ObjectNode forBinding = tree.deepCopy();
        if (!forBinding.has("seed")) {
            forBinding.put("seed", 1L);
            tree.put("seed", 1L);
        }
        List<ConfigException> problems = SchemaCheck.check(forBinding, ScenarioConfig.class, "", file);
        if (!problems.isEmpty()) {
            throw new ConfigProblems(problems);
        }
        Defaults.fillScenario(forBinding);
        ScenarioConfig cfg = bind(forBinding, file);
        require(cfg.horizon(), file, "horizon");
        require(cfg.buyers(), file, "buyers");
        require(cfg.market(), file, "market");
        require(cfg.countries(), file, "countries");
        require(cfg.segments(), file, "segments");
        require(cfg.chipTiers(), file, "chipTiers");
        require(cfg.providers(), file, "providers");
        require(cfg.screening(), file, "screening");
        String name = cfg.name() == null ? stem(file) : cfg.name();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}") || name.contains("..")) {
            throw new ConfigException(file, "name", "must be 1-64 letters, digits, '-', '_' or '.', starting with a"
                    + " letter or digit (it names the results folder), was '" + name + "'");
        }
        validateCrossFields(cfg, file);
        MarketParams params;
        try {
            params = new MarketParams(cfg.horizon().start(), cfg.horizon().quarters(), cfg.buyers().count(),
                    cfg.market(), cfg.countries(), cfg.segments(), cfg.chipTiers(), cfg.providers(),
                    cfg.exportControls(), cfg.screening());
        } catch (IllegalArgumentException e) {
            throw fieldError(file, "", e.getMessage());
        }
        QuarterClock clock = QuarterClock.startingAt(cfg.horizon().start());
        List<ScheduledEvent> events = new ArrayList<>();
        List<JsonNode> eventNodes = cfg.events() == null ? List.of() : cfg.events();
        Set<String> ids = new LinkedHashSet<>();
        int skipped = 0;
        for (int n = 0; n < eventNodes.size(); n++) {
            if (cfg.horizon().truncateEvents() && beyondHorizon(eventNodes.get(n), clock, params.quarters())) {
                skipped++;
                continue;
            }
            events.add(parseEvent(eventNodes.get(n), "events." + n, file, clock, params, ids));
        }
        events.sort(Comparator.comparingDouble(ScheduledEvent::time));
        List<StochasticEvent> stochastic = new ArrayList<>();
        List<JsonNode> stochasticNodes = cfg.stochasticEvents() == null ? List.of() : cfg.stochasticEvents();
        for (int n = 0; n < stochasticNodes.size(); n++) {
            stochastic.add(StochasticEvents.parse(stochasticNodes.get(n), "stochasticEvents." + n, file, clock,
                    params, this, ids));
        }
        return new Scenario(name, cfg.description() == null ? "" : cfg.description(),
                cfg.question() == null ? "" : cfg.question(), file, cfg.seed(), tree, params, List.copyOf(events),
                List.copyOf(stochastic));
    }

    /** Whether an event's date lies after the horizon (used with horizon.truncateEvents). */
    private static boolean beyondHorizon(JsonNode node, QuarterClock clock, int quarters) {
        JsonNode at = node == null ? null : node.get("at");
        if (at == null || !at.isValueNode()) {
            return false;
        }
        String s = at.asText().trim();
        try {
            double t = QuarterClock.isLabel(s) ? clock.indexOf(s) : clock.timeOf(LocalDate.parse(s));
            return t >= quarters;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String stem(String file) {
        String f = Path.of(file).getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    private static void require(Object value, String file, String key) {
        if (value == null) {
            throw new ConfigException(file, key, "is required");
        }
    }

    <T> T bind(JsonNode node, String file, Class<T> type, String basePath) {
        try {
            return binder.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw mappingError(e, file, basePath);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file, basePath, firstLine(e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            throw fieldError(file, basePath, e.getMessage());
        }
    }

    private ScenarioConfig bind(ObjectNode tree, String file) {
        return bind(tree, file, ScenarioConfig.class, "");
    }

    static ConfigException mappingError(JsonMappingException e, String file, String basePath) {
        String path = join(basePath, pathOf(e));
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            known.sort(String::compareTo);
            String suggestion = Suggest.closest(u.getPropertyName(), known);
            return new ConfigException(file, path, "unknown key" + (suggestion != null
                    ? " (did you mean '" + suggestion + "'?)" : "") + "; allowed: " + String.join(", ", known));
        }
        if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof IllegalArgumentException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            String msg = cause != null && cause.getMessage() != null ? cause.getMessage() : firstLine(e.getOriginalMessage());
            return fieldError(file, path, msg);
        }
        if (e instanceof InvalidFormatException f) {
            Object value = f.getValue();
            String target = f.getTargetType() == null ? "value" : describeType(f.getTargetType());
            return new ConfigException(file, path, "expected " + target + ", got '" + value + "'");
        }
        if (e instanceof MismatchedInputException m) {
            String target = m.getTargetType() == null ? "another type" : describeType(m.getTargetType());
            String orig = firstLine(m.getOriginalMessage());
            if (orig.contains("Missing required creator property")) {
                String prop = orig.replaceAll(".*Missing required creator property '([^']+)'.*", "$1");
                return new ConfigException(file, join(path, prop), "is required");
            }
            if (orig.contains("null") && orig.toLowerCase(Locale.ROOT).contains("primitive")) {
                return new ConfigException(file, path, "is required (a number), found null");
            }
            return new ConfigException(file, path, "wrong type: expected " + target);
        }
        return new ConfigException(file, path, firstLine(e.getOriginalMessage()));
    }

    private static String describeType(Class<?> t) {
        if (t == double.class || t == Double.class || t == float.class) {
            return "a number";
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "a whole number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a text value";
        }
        if (t.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : t.getEnumConstants()) {
                names.add(c.toString().toLowerCase(Locale.ROOT));
            }
            return "one of " + String.join(", ", names);
        }
        if (List.class.isAssignableFrom(t)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(t) || t.isRecord()) {
            return "a mapping of keys to values";
        }
        return t.getSimpleName();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            String part = r.getFieldName() != null ? r.getFieldName() : r.getIndex() >= 0 ? String.valueOf(r.getIndex()) : null;
            if (part == null) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    static String join(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b == null ? "" : b;
        }
        if (b == null || b.isEmpty()) {
            return a;
        }
        return a + "." + b;
    }

    /** Splits a record precondition message "field: reason" into the key path and the reason. */
    static ConfigException fieldError(String file, String path, String message) {
        if (message == null) {
            return new ConfigException(file, path, "invalid value");
        }
        int colon = message.indexOf(": ");
        if (colon > 0 && message.substring(0, colon).matches("[A-Za-z0-9_.]+")) {
            return new ConfigException(file, join(path, message.substring(0, colon)), message.substring(colon + 2));
        }
        return new ConfigException(file, path, message);
    }

    private static void validateCrossFields(ScenarioConfig cfg, String file) {
        double segSum = 0;
        for (var e : cfg.segments().entrySet()) {
            if (e.getValue() == null) {
                throw new ConfigException(file, "segments." + e.getKey(), "is empty");
            }
            segSum += e.getValue().weight();
        }
        if (Math.abs(segSum - 1) > 1e-6) {
            throw new ConfigException(file, "segments", String.format(Locale.ROOT,
                    "segment weights must sum to 1, they sum to %.6g", segSum));
        }
        double ctySum = 0;
        for (var e : cfg.countries().entrySet()) {
            Double w = e.getValue();
            if (w == null || !Double.isFinite(w) || w < 0 || w > 1) {
                throw new ConfigException(file, "countries." + e.getKey(), "weight must be a number in [0, 1], was " + w);
            }
            ctySum += w;
        }
        if (Math.abs(ctySum - 1) > 1e-6) {
            throw new ConfigException(file, "countries", String.format(Locale.ROOT,
                    "country weights must sum to 1, they sum to %.6g", ctySum));
        }
        double shareSum = 0;
        for (var e : cfg.providers().entrySet()) {
            String base = "providers." + e.getKey();
            ProviderParams p = e.getValue();
            if (p == null) {
                throw new ConfigException(file, base, "is empty");
            }
            if (!e.getKey().matches("[A-Za-z0-9_-]+") || e.getKey().equals("all")) {
                throw new ConfigException(file, base, "provider ids may use letters, digits, '-' and '_' (not 'all')");
            }
            shareSum += p.initialShare();
            for (int n = 0; n < p.countries().size(); n++) {
                String c = p.countries().get(n);
                if (!c.equals("all") && !cfg.countries().containsKey(c)) {
                    throw new ConfigException(file, base + ".countries." + n, "unknown country '" + c + "' (known: "
                            + String.join(", ", cfg.countries().keySet()) + ", all)");
                }
            }
            for (int n = 0; n < p.chips().size(); n++) {
                String t = p.chips().get(n);
                if (!cfg.chipTiers().containsKey(t)) {
                    throw new ConfigException(file, base + ".chips." + n, "unknown chip tier '" + t + "' (known: "
                            + String.join(", ", cfg.chipTiers().keySet()) + ")");
                }
            }
            if (p.general().marginalCost() > p.general().price() * 10 || p.ai().marginalCost() > p.ai().price() * 10) {
                throw new ConfigException(file, base, "marginal cost above ten times the price; check units");
            }
        }
        if (shareSum > 1 + 1e-6) {
            throw new ConfigException(file, "providers", String.format(Locale.ROOT,
                    "initial shares must sum to at most 1, they sum to %.6g", shareSum));
        }
        if (cfg.providers().size() > 100 || cfg.segments().size() > 100 || cfg.countries().size() > 100) {
            throw new ConfigException(file, "providers", "at most 100 providers, segments and countries");
        }
        List<MarketParams.ExportRule> rules = cfg.exportControls() == null ? List.of() : cfg.exportControls();
        for (int n = 0; n < rules.size(); n++) {
            MarketParams.ExportRule r = rules.get(n);
            if (r == null) {
                throw new ConfigException(file, "exportControls." + n, "is empty");
            }
            if (!cfg.chipTiers().containsKey(r.tier())) {
                throw new ConfigException(file, "exportControls." + n + ".tier", "unknown chip tier '" + r.tier()
                        + "' (known: " + String.join(", ", cfg.chipTiers().keySet()) + ")");
            }
        }
    }

    /** Converts an {@code at} value (quarter label or ISO date) to model time, checking it lies in the horizon. */
    static double timeOf(JsonNode at, String path, String file, QuarterClock clock, int quarters) {
        if (at == null || at.isNull() || !at.isValueNode()) {
            throw new ConfigException(file, path, "is required: a quarter like 2025Q2 or a date like 2025-06-10");
        }
        String s = at.asText().trim();
        double t;
        if (QuarterClock.isLabel(s)) {
            t = clock.indexOf(s);
        } else {
            try {
                t = clock.timeOf(LocalDate.parse(s));
            } catch (DateTimeParseException e) {
                throw new ConfigException(file, path, "'" + s + "' is neither a quarter like 2025Q2 nor a date like"
                        + " 2025-06-10");
            }
        }
        if (t < 0 || t >= quarters) {
            throw new ConfigException(file, path, "'" + s + "' is outside the horizon " + clock.label(0) + ".."
                    + clock.label(quarters - 1) + (t >= quarters
                            ? " (to drop events after a shortened horizon, set horizon.truncateEvents=true)" : ""));
        }
        return t;
    }

    private ScheduledEvent parseEvent(JsonNode node, String path, String file, QuarterClock clock,
            MarketParams params, Set<String> ids) {
        if (node == null || !node.isObject()) {
            throw new ConfigException(file, path, "each event must be a mapping with at, type and its parameters");
        }
        ObjectNode body = ((ObjectNode) node).deepCopy();
        JsonNode at = body.remove("at");
        JsonNode typeNode = body.remove("type");
        JsonNode desc = body.remove("description");
        JsonNode id = body.remove("id");
        JsonNode source = body.remove("source");
        if (id != null && !ids.add(id.asText())) {
            throw new ConfigException(file, path + ".id", "duplicate event id '" + id.asText() + "'");
        }
        double t = timeOf(at, path + ".at", file, clock, params.quarters());
        MarketEvent event = eventOf(typeNode, body, path, file, params);
        String label = at.asText().trim();
        String description = desc == null ? "" : desc.asText();
        if (source != null && !source.asText().isBlank()) {
            description = description.isEmpty() ? source.asText() : description + " " + source.asText();
        }
        return new ScheduledEvent(t, label, event, description);
    }

    MarketEvent eventOf(JsonNode typeNode, ObjectNode body, String path, String file, MarketParams params) {
        if (typeNode == null || !typeNode.isTextual()) {
            throw new ConfigException(file, path + ".type", "is required; one of "
                    + String.join(", ", EventCatalog.types().keySet()));
        }
        String type = typeNode.asText();
        Class<? extends MarketEvent> cls = EventCatalog.types().get(type);
        if (cls == null) {
            String s = Suggest.closest(type, new ArrayList<>(EventCatalog.types().keySet()));
            throw new ConfigException(file, path + ".type", "unknown event type '" + type + "'"
                    + (s != null ? " (did you mean '" + s + "'?)" : "") + "; one of "
                    + String.join(", ", EventCatalog.types().keySet()));
        }
        Defaults.fillEvent(cls, body);
        List<ConfigException> problems = SchemaCheck.check(body, cls, path, file);
        if (!problems.isEmpty()) {
            throw new ConfigProblems(problems);
        }
        MarketEvent event = bind(body, file, cls, path);
        try {
            event.validate(params);
        } catch (IllegalArgumentException e) {
            throw fieldError(file, path, e.getMessage());
        }
        return event;
    }

    /** Creates an empty object node (for callers building configs programmatically). */
    public static ObjectNode newObject() {
        return JsonNodeFactory.instance.objectNode();
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
