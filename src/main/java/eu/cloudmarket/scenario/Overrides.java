package eu.cloudmarket.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --set path=value} overrides on a configuration tree. The path is dotted ({@code providers.aws.pricing.rule},
 * {@code events.3.at}); every part but the last must exist, and the last must exist too unless its parent is a
 * mapping (the binding then rejects keys the schema does not know). An element of a list of mappings with an
 * {@code id} (the dated events) can also be named by its id, e.g. {@code events.ms-senate.deltaBeta.public}, which
 * does not break when events are added or reordered. The value is read as a YAML scalar or flow
 * collection, so {@code 0.5}, {@code true}, {@code nash} and {@code [DE, FR]} all work.
 */
public final class Overrides {
    private Overrides() {
    }

    /** Applies one {@code key=value} override; throws ConfigException (file "--set") on a bad path or value. */
    public static void apply(ObjectNode root, String assignment, ObjectMapper yaml) {
        apply(root, assignment, yaml, null);
    }

    /**
     * Applies one {@code key=value} override and, if {@code sources} is given, records that the value came from this
     * option, so later problems with it name the option rather than the file.
     */
    public static void apply(ObjectNode root, String assignment, ObjectMapper yaml, SourceMap sources) {
        int eq = assignment == null ? -1 : assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set", assignment, "expected key=value, e.g. buyers.count=20000");
        }
        String path = assignment.substring(0, eq).trim();
        String raw = assignment.substring(eq + 1).trim();
        if (raw.isEmpty()) {
            throw new ConfigException("--set", path, "missing value after '='");
        }
        JsonNode value;
        try {
            value = YamlTree.read((YAMLFactory) yaml.getFactory(), raw, "--set", null);
        } catch (JsonProcessingException e) {
            throw new ConfigException("--set", path, "cannot read value '" + raw + "': "
                    + Messages.firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException("--set", path, "cannot read value '" + raw + "': " + e.getMessage());
        } catch (ConfigException e) {
            throw new ConfigException("--set", path, "cannot read value '" + raw + "': " + e.reason());
        }
        if (value == null || value.isMissingNode()) {
            throw new ConfigException("--set", path, "missing value after '='");
        }
        set(root, path, value, "--set", sources == null ? null
                : new SourceMap.Position("--set " + path + "=" + raw, -1, -1), sources);
    }

    /** Sets {@code value} at dotted {@code path}. */
    public static void set(ObjectNode root, String path, JsonNode value, String origin) {
        set(root, path, value, origin, null, null);
    }

    private static void set(ObjectNode root, String path, JsonNode value, String origin, SourceMap.Position position,
            SourceMap sources) {
        String[] parts = path.split("\\.", -1);
        JsonNode node = root;
        StringBuilder done = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                throw new ConfigException(origin, path, "empty part in key path");
            }
            JsonNode next = child(node, part);
            if (next != null && !(next.isObject() || next.isArray())) {
                String here = done.length() == 0 ? part : done + "." + part;
                throw new ConfigException(origin, path, "'" + here + "' is a single value, not a mapping or list,"
                        + " so it has no '" + parts[i + 1] + "'");
            }
            if (next == null && node.isArray()) {
                throw new ConfigException(origin, path, "list index " + part + " out of range (size " + node.size()
                        + (done.length() == 0 ? "" : " under '" + done + "'") + ")");
            }
            if (next == null) {
                throw unknown(origin, path, done.toString(), part, node);
            }
            if (done.length() > 0) {
                done.append('.');
            }
            done.append(part);
            node = next;
        }
        String last = parts[parts.length - 1];
        if (last.isEmpty()) {
            throw new ConfigException(origin, path, "empty part in key path");
        }
        if (node instanceof ObjectNode obj) {
            obj.set(last, value);
        } else if (node instanceof ArrayNode arr) {
            int idx = index(last);
            if (idx < 0 || idx >= arr.size()) {
                throw new ConfigException(origin, path, "list index " + last + " out of range (size " + arr.size() + ")");
            }
            arr.set(idx, value);
        }
        if (sources != null && position != null) {
            sources.put(node, last, position);
        }
    }

    /** Reads the value at a dotted path, or null. */
    public static JsonNode get(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.", -1)) {
            node = child(node, part);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static JsonNode child(JsonNode node, String part) {
        if (node.isObject()) {
            return node.get(part);
        }
        if (node.isArray()) {
            int idx = index(part);
            if (idx >= 0) {
                return idx < node.size() ? node.get(idx) : null;
            }
            for (JsonNode element : node) {
                JsonNode id = element.get("id");
                if (id != null && id.isTextual() && id.asText().equals(part)) {
                    return element;
                }
            }
        }
        return null;
    }

    private static int index(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ConfigException unknown(String origin, String path, String parent, String part, JsonNode node) {
        List<String> keys = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(keys::add);
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                JsonNode id = element.get("id");
                if (id != null && id.isTextual()) {
                    keys.add(id.asText());
                }
            }
        }
        String s = Suggest.closest(part, keys);
        String where = parent.isEmpty() ? "at the top level" : "under '" + parent + "'";
        return new ConfigException(origin, path, "no key '" + part + "' " + where
                + (s != null ? " (did you mean '" + s + "'?)" : keys.isEmpty() ? "" : "; keys: " + String.join(", ", keys)));
    }
}
