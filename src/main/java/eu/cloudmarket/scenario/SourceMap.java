package eu.cloudmarket.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where each value of a configuration tree came from: a file with line and column, or a command-line option such as
 * {@code --set buyers.count=5}. Positions are kept per container node (by identity) and child key or list index, so
 * they survive {@code extends} merging, {@code dropEvents} and {@code --set} overrides, which move or replace children
 * but keep the containers. A problem's key path is then located by walking the final tree.
 */
public final class SourceMap {
    /** A place in the input: {@code origin} is a file name or an option text; line and column are 1-based, or -1. */
    public record Position(String origin, int line, int column) {
    }

    private final Map<JsonNode, Map<String, Position>> byContainer = new IdentityHashMap<>();
    private final Map<JsonNode, String> names = new IdentityHashMap<>();
    /** Mappings and lists that expand a YAML alias; their positions are those of the anchored original. */
    private final Set<JsonNode> aliasExpansions = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Records that {@code copy} is the expansion of a YAML alias ({@code *name}) written at its parent's position. */
    void aliasExpansion(JsonNode copy) {
        aliasExpansions.add(copy);
    }

    /** Records the path a node has in the file it was written in (e.g. {@code events.0} of a child file). */
    void name(JsonNode node, String pathInFile) {
        names.put(node, pathInFile);
    }

    /**
     * {@code path} with its longest prefix that names a node recorded by {@link #name} replaced by that node's path in
     * its own file: {@code events.17.provider} becomes {@code events.0.provider} when event 17 of the merged list is
     * the first event of the file that extends the baseline.
     */
    String pathInFile(JsonNode root, String path) {
        if (root == null || path == null || path.isEmpty() || names.isEmpty()) {
            return path;
        }
        String[] parts = path.split("\\.", -1);
        JsonNode node = root;
        int renamedAt = -1;
        String renamed = null;
        for (int i = 0; i < parts.length && node != null && node.isContainerNode(); i++) {
            node = node.isObject() ? node.get(parts[i]) : child(node, parts[i]);
            if (node != null && names.containsKey(node)) {
                renamedAt = i;
                renamed = names.get(node);
            }
        }
        if (renamed == null) {
            return path;
        }
        StringBuilder sb = new StringBuilder(renamed);
        for (int i = renamedAt + 1; i < parts.length; i++) {
            sb.append('.').append(parts[i]);
        }
        return sb.toString();
    }

    /** Records where the child {@code key} (a field name or list index) of {@code container} was written. */
    void put(JsonNode container, String key, Position position) {
        byContainer.computeIfAbsent(container, c -> new HashMap<>()).put(key, position);
    }

    Position get(JsonNode container, String key) {
        Map<String, Position> m = byContainer.get(container);
        return m == null ? null : m.get(key);
    }

    /** Copies the position of {@code from[fromKey]} to {@code to[toKey]} (when a child moves between containers). */
    void move(JsonNode from, String fromKey, JsonNode to, String toKey) {
        Position p = get(from, fromKey);
        if (p != null) {
            put(to, toKey, p);
        } else {
            Map<String, Position> m = byContainer.get(to);
            if (m != null) {
                m.remove(toKey);
            }
        }
    }

    /** Forgets all child positions of a container (before its children are re-added). */
    void clear(JsonNode container) {
        byContainer.remove(container);
    }

    /** The position of the deepest part of the dotted {@code path} that has one, walking from {@code root}; or null. */
    public Position locate(JsonNode root, String path) {
        if (root == null || path == null || path.isEmpty()) {
            return null;
        }
        Position best = null;
        JsonNode node = root;
        for (String part : path.split("\\.", -1)) {
            if (node == null || !node.isContainerNode()) {
                break;
            }
            Position p = get(node, part);
            if (p != null) {
                best = p;
            }
            node = node.isObject() ? node.get(part) : child(node, part);
        }
        return best;
    }

    /**
     * Every position written in the file of {@code root}, by dotted key path, for files whose keys may themselves
     * contain dots (a sweep's {@code set: {buyers.count: 5}}): each key, and each list item that is a single value
     * (an alias counts as one). Items that are mappings or lists, and everything inside an alias, have no entry of
     * their own; a lookup falls back to the key that holds them. Key parts are escaped as in a JSON pointer
     * ({@code ~0} for '~', {@code ~1} for '/').
     */
    Map<String, Position> byPath(JsonNode root) {
        Map<String, Position> out = new LinkedHashMap<>();
        index(root, null, out);
        return out;
    }

    private void index(JsonNode node, String path, Map<String, Position> out) {
        if (aliasExpansions.contains(node)) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String childPath = (path == null ? "" : path + ".") + escape(e.getKey());
                Position p = get(node, e.getKey());
                if (p != null) {
                    out.put(childPath, p);
                }
                index(e.getValue(), childPath, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String childPath = (path == null ? "" : path + ".") + i;
                JsonNode item = node.get(i);
                Position p = get(node, Integer.toString(i));
                if (p != null && (item.isValueNode() || aliasExpansions.contains(item))) {
                    out.putIfAbsent(childPath, p);
                }
                index(item, childPath, out);
            }
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode child(JsonNode array, String part) {
        try {
            int i = Integer.parseInt(part);
            return i >= 0 && i < array.size() ? array.get(i) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
