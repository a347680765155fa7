package eu.cloudmarket.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

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

    private static JsonNode child(JsonNode array, String part) {
        try {
            int i = Integer.parseInt(part);
            return i >= 0 && i < array.size() ? array.get(i) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
