package eu.cloudmarket.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a configuration tree against the record types it will be bound to, collecting every problem (unknown keys
 * with a suggestion, missing keys, wrong types, NaN and infinities) rather than stopping at the first. Value ranges
 * are checked afterwards by the records' own constructors.
 */
final class SchemaCheck {
    private SchemaCheck() {
    }

    /** Paths whose record components may be left out (their records accept null). */
    private static final Set<String> OPTIONAL = Set.of("ScenarioConfig.name", "ScenarioConfig.description",
            "ScenarioConfig.question", "ScenarioConfig.seed", "ScenarioConfig.exportControls",
            "ScenarioConfig.events", "ScenarioConfig.stochasticEvents", "ChipTierParams.volumePerQuarter",
            "Horizon.truncateEvents", "ProviderParams.flowShare", "CapacityLease.country", "CapacityBuild.country");

    static List<ConfigException> check(JsonNode node, Type type, String path, String file) {
        List<ConfigException> problems = new ArrayList<>();
        walk(node, type, path, file, problems);
        return problems;
    }

    private static void walk(JsonNode node, Type type, String path, String file, List<ConfigException> out) {
        if (type instanceof Class<?> c && c == JsonNode.class) {
            return;
        }
        if (node == null || node.isNull()) {
            return; // presence is checked by the caller; null for optional values
        }
        if (type instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            Type[] args = pt.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                if (!node.isArray()) {
                    out.add(new ConfigException(file, path, "expected a list, found " + kind(node)));
                    return;
                }
                for (int i = 0; i < node.size(); i++) {
                    walk(node.get(i), args[0], ScenarioLoader.join(path, Integer.toString(i)), file, out);
                }
                return;
            }
            if (Map.class.isAssignableFrom(raw)) {
                if (!node.isObject()) {
                    out.add(new ConfigException(file, path, "expected a mapping of ids to values, found " + kind(node)));
                    return;
                }
                if (node.isEmpty()) {
                    out.add(new ConfigException(file, path, "must not be empty"));
                }
                Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getValue() == null || e.getValue().isNull()) {
                        out.add(new ConfigException(file, ScenarioLoader.join(path, e.getKey()), "is empty"));
                        continue;
                    }
                    walk(e.getValue(), args[1], ScenarioLoader.join(path, e.getKey()), file, out);
                }
                return;
            }
            return;
        }
        Class<?> c = (Class<?>) type;
        if (c.isRecord()) {
            if (!node.isObject()) {
                out.add(new ConfigException(file, path, "expected a mapping of keys to values, found " + kind(node)));
                return;
            }
            RecordComponent[] comps = c.getRecordComponents();
            List<String> names = Arrays.stream(comps).map(RecordComponent::getName).toList();
            Iterator<String> keys = node.fieldNames();
            java.util.Set<String> suggested = new java.util.HashSet<>();
            while (keys.hasNext()) {
                String k = keys.next();
                if (!names.contains(k)) {
                    String s = Suggest.closest(k, names);
                    if (s != null) {
                        suggested.add(s);
                    }
                    out.add(new ConfigException(file, ScenarioLoader.join(path, k), "unknown key"
                            + (s != null ? " (did you mean '" + s + "'?)" : "") + "; allowed: "
                            + String.join(", ", names.stream().sorted().toList())));
                }
            }
            for (RecordComponent rc : comps) {
                JsonNode child = node.get(rc.getName());
                String p = ScenarioLoader.join(path, rc.getName());
                if (child == null || child.isNull()) {
                    // A misspelt key was already reported with this name as its suggestion.
                    if (!OPTIONAL.contains(c.getSimpleName() + "." + rc.getName()) && !suggested.contains(rc.getName())) {
                        out.add(new ConfigException(file, p, "is required"));
                    }
                    continue;
                }
                walk(child, rc.getGenericType(), p, file, out);
            }
            return;
        }
        if (c == double.class || c == Double.class) {
            if (!node.isNumber()) {
                out.add(new ConfigException(file, path, "expected a number, found " + describe(node)));
            } else if (!Double.isFinite(node.asDouble())) {
                out.add(new ConfigException(file, path, "must be a finite number, was " + node.asText()));
            }
        } else if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            if (!node.isIntegralNumber()) {
                out.add(new ConfigException(file, path, "expected a whole number, found " + describe(node)));
            } else if ((c == int.class || c == Integer.class) && !node.canConvertToInt()) {
                out.add(new ConfigException(file, path, "number too large: " + node.asText()));
            } else if (!node.canConvertToLong()) {
                out.add(new ConfigException(file, path, "number too large: " + node.asText()));
            }
        } else if (c == boolean.class || c == Boolean.class) {
            if (!node.isBoolean()) {
                out.add(new ConfigException(file, path, "expected true or false, found " + describe(node)));
            }
        } else if (c == String.class) {
            if (!node.isTextual()) {
                out.add(new ConfigException(file, path, "expected a text value, found " + describe(node)));
            }
        } else if (c.isEnum()) {
            List<String> allowed = new ArrayList<>();
            for (Object o : c.getEnumConstants()) {
                allowed.add(o.toString());
            }
            boolean ok = node.isTextual() && allowed.stream().anyMatch(a -> a.equalsIgnoreCase(node.asText()));
            if (!ok) {
                out.add(new ConfigException(file, path, "expected one of "
                        + String.join(", ", allowed.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList())
                        + ", found " + describe(node)));
            }
        }
    }

    private static String kind(JsonNode n) {
        return n.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    private static String describe(JsonNode n) {
        if (n.isTextual()) {
            return "'" + n.asText() + "'";
        }
        if (n.isContainerNode()) {
            return "a " + (n.isArray() ? "list" : "mapping");
        }
        return n.asText();
    }
}
