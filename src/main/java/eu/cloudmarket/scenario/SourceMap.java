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
