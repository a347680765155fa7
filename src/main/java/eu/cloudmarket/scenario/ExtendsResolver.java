package eu.cloudmarket.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@code extends}: a scenario file names another one (relative to itself) as its baseline; the baseline is
 * read (and resolved) first, the events that {@code dropEvents} names are removed from it, and the file is deep-merged
 * on top (mappings merge by key, the two event lists accumulate, anything else replaces). Positions in the
 * {@link SourceMap} follow every moved value, so problems still name the file and line each value was written in.
 */
final class ExtendsResolver {
    /**
     * Most files in one extends chain, counting the file given and every file it extends (assumption: bundled
     * scenarios use two, a scenario and the baseline).
     */
    static final int MAX_CHAIN_FILES = 8;
    /** The top-level lists that accumulate across {@code extends} rather than replace. */
    private static final List<String> EVENT_LISTS = List.of("events", "stochasticEvents");
    /** The top-level keys a scenario file may have: the configuration's own and the two this class resolves. */
    private static final List<String> SCENARIO_KEYS = scenarioKeys();

    private final ConfigReader reader;

    private static List<String> scenarioKeys() {
        List<String> keys = new ArrayList<>(List.of("extends", "dropEvents"));
        for (RecordComponent rc : ScenarioConfig.class.getRecordComponents()) {
            keys.add(rc.getName());
        }
        return List.copyOf(keys);
    }

    ExtendsResolver(ConfigReader reader) {
        this.reader = reader;
    }

    /** Reads {@code file} and every file it extends into one tree, recording positions in {@code sources}. */
    ObjectNode resolve(Path file, SourceMap sources) {
        return readResolved(file, sources, new LinkedHashSet<>());
    }

    private ObjectNode readResolved(Path file, SourceMap sources, Set<Path> chain) {
        chain.add(file.toAbsolutePath().normalize());
        ObjectNode tree = reader.read(file, sources);
        String name = file.toString();
        checkIsScenario(tree, name);
        nameEventsInFile(tree, sources);
        SourceMap.Position extPos = sources.get(tree, "extends");
        SourceMap.Position dropPos = sources.get(tree, "dropEvents");
        JsonNode ext = tree.remove("extends");
        JsonNode drop = tree.remove("dropEvents");
        if (ext == null) {
            if (drop != null) {
                throw at(name, "dropEvents", dropPos, "only allowed together with 'extends'");
            }
            return tree;
        }
        if (!ext.isTextual() || ext.asText().isBlank()) {
            throw at(name, "extends", extPos, "must be the path of another scenario file, relative to this one");
        }
        Path parentFile = (file.toAbsolutePath().getParent() == null ? Path.of(".") : file.toAbsolutePath().getParent())
                .resolve(ext.asText()).normalize();
        Path shown = relativeToCwd(parentFile);
        if (!Files.exists(parentFile)) {
            throw at(name, "extends", extPos, "file not found: " + shown);
        }
        if (chain.contains(parentFile)) {
            throw at(name, "extends", extPos, "circular extends chain: " + shown + " is already being extended");
        }
        // chain holds the files read so far; reading the parent would make it one longer
        if (chain.size() + 1 > MAX_CHAIN_FILES) {
            throw at(name, "extends", extPos, "extends chain of more than " + MAX_CHAIN_FILES + " files (this file is"
                    + " number " + chain.size() + " and extends another); at most " + MAX_CHAIN_FILES
                    + " files, counting the one given, may extend each other");
        }
        ObjectNode parent = readResolved(shown, sources, chain);
        if (drop != null) {
            dropEvents(parent, drop, name, dropPos, sources);
        }
        merge(parent, tree, "", sources);
        return parent;
    }

    /**
     * Refuses a mapping none of whose top-level keys is (or nearly is) a scenario key: a file given or extended by
     * mistake, whose keys are then not listed one by one as unknown (they are its content, e.g. a credentials file).
     */
    private static void checkIsScenario(ObjectNode tree, String name) {
        List<String> known = new ArrayList<>(SCENARIO_KEYS);
        Iterator<String> keys = tree.fieldNames();
        while (keys.hasNext()) {
            String k = keys.next();
            if (known.contains(k) || Suggest.closest(k, known) != null) {
                return;
            }
        }
        throw new ConfigException(name, null, "not a scenario file: none of its " + tree.size()
                + " top-level key(s) is a scenario key such as horizon, buyers, market or extends");
    }

    /** Remembers each event's path in its own file, for messages after the lists are merged. */
    private static void nameEventsInFile(ObjectNode tree, SourceMap sources) {
        for (String list : EVENT_LISTS) {
            if (tree.get(list) instanceof ArrayNode arr) {
                for (int i = 0; i < arr.size(); i++) {
                    sources.name(arr.get(i), list + "." + i);
                }
            }
        }
    }

    private static ConfigException at(String file, String path, SourceMap.Position pos, String reason) {
        return pos == null ? new ConfigException(file, path, reason)
                : new ConfigException(file, path, pos.line(), pos.column(), reason);
    }

    private static Path relativeToCwd(Path p) {
        try {
            Path cwd = Path.of("").toAbsolutePath();
            return p.startsWith(cwd) ? cwd.relativize(p) : p;
        } catch (RuntimeException e) {
            return p;
        }
    }

    private static void dropEvents(ObjectNode parent, JsonNode drop, String file, SourceMap.Position pos,
            SourceMap sources) {
        if (!drop.isArray()) {
            throw at(file, "dropEvents", pos, "must be a list of event ids, e.g. [aws-p5-cut, data-act]");
        }
        Set<String> ids = new LinkedHashSet<>();
        drop.forEach(n -> ids.add(n.asText()));
        Set<String> found = new LinkedHashSet<>();
        if (parent.get("events") instanceof ArrayNode arr) {
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < arr.size(); i++) {
                JsonNode ev = arr.get(i);
                String id = ev.path("id").asText(null);
                if (id != null && ids.contains(id)) {
                    found.add(id);
                } else {
                    sources.move(arr, Integer.toString(i), kept, Integer.toString(kept.size()));
                    kept.add(ev);
                }
            }
            parent.set("events", kept);
        }
        ids.removeAll(found);
        if (!ids.isEmpty()) {
            throw at(file, "dropEvents", pos, "no event with id " + String.join(", ", ids)
                    + " in the extended scenario");
        }
    }

    /** Deep merge of {@code child} into {@code base}: mappings merge by key, events accumulate, the rest replaces. */
    private static void merge(ObjectNode base, ObjectNode child, String path, SourceMap sources) {
        Iterator<Map.Entry<String, JsonNode>> it = child.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            JsonNode existing = base.get(key);
            if (path.isEmpty() && EVENT_LISTS.contains(key)
                    && existing instanceof ArrayNode arr && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    sources.move(value, Integer.toString(i), arr, Integer.toString(arr.size()));
                    arr.add(value.get(i));
                }
            } else if (existing instanceof ObjectNode eo && value instanceof ObjectNode vo) {
                sources.move(child, key, base, key);
                merge(eo, vo, path + key + ".", sources);
            } else {
                sources.move(child, key, base, key);
                base.set(key, value);
            }
        }
    }
}
