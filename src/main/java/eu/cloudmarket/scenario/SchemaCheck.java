package eu.cloudmarket.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a configuration tree against the record types it will be bound to, collecting every problem (unknown keys
 * with a suggestion, missing keys, wrong types, NaN and infinities) rather than stopping at the first. Value ranges
 * are checked afterwards by the records' own constructors ({@link RangeCheck}).
 *
 * <p>In repairing mode the tree is also patched so that the later checks can still run on the rest of it: an unknown
 * key is removed (and moved to its suggested name when that name is missing, so a misspelt {@code cuont} is checked
 * as {@code count}); a missing or mistyped number, true/false or choice gets a stand-in value. Paths given stand-ins
 * are returned, so that checks depending on them are skipped; problems that cannot be patched (a mistyped section or
 * list, a missing text) are returned as blocking: the records containing them are not bound.
 */
final class SchemaCheck {
    /** Stand-in for a wrong number: inside most ranges (shares, probabilities, prices), so later checks can run. */
    private static final double NUMBER_STAND_IN = 0.5;
    /** Stand-in for a wrong whole number: a count or duration every range accepts. */
    private static final int WHOLE_STAND_IN = 1;

    /**
     * The outcome of a repairing check.
     *
     * @param problems every problem found
     * @param stoodIn  paths whose values were replaced by stand-ins (already reported)
     * @param blocking paths of problems that could not be patched
     */
    record Result(List<ConfigException> problems, Set<String> stoodIn, Set<String> blocking) {
    }

    /** Paths whose record components may be left out (their records accept null). */
    private static final Set<String> OPTIONAL = Set.of("ScenarioConfig.name", "ScenarioConfig.description",
            "ScenarioConfig.question", "ScenarioConfig.seed", "ScenarioConfig.exportControls",
            "ScenarioConfig.events", "ScenarioConfig.stochasticEvents", "ChipTierParams.volumePerQuarter",
            "Horizon.truncateEvents", "ProviderParams.flowShare", "CapacityLease.country", "CapacityBuild.country",
            "ScenarioConfig.structural", "StructuralParams.provenance", "StructuralParams.providers",
            "StructuralParams.segments", "StructuralParams.marketScale", "ProviderEstimates.generalCost", "ProviderEstimates.aiCost",
            "Provenance.scenario", "Provenance.configSha256", "Provenance.seed", "Provenance.replication",
            "Provenance.buyers", "Provenance.tool", "Provenance.targets");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final String file;
    private final boolean repair;
    private final List<ConfigException> out = new ArrayList<>();
    private final Set<String> stoodIn = new LinkedHashSet<>();
    private final Set<String> blocking = new LinkedHashSet<>();

    private SchemaCheck(String file, boolean repair) {
        this.file = file;
        this.repair = repair;
    }

    static List<ConfigException> check(JsonNode node, Type type, String path, String file) {
        return check(node, type, path, file, List.of());
    }

    /**
     * Checks {@code node} against {@code type} without changing it.
     *
     * @param extraKeys keys the caller handles itself at the top level (allowed there, and offered as suggestions)
     */
    static List<ConfigException> check(JsonNode node, Type type, String path, String file, List<String> extraKeys) {
        SchemaCheck c = new SchemaCheck(file, false);
        c.walk(node, type, path, extraKeys);
        return c.out;
    }

    /** Checks {@code node} against {@code type}, patching it in place (see the class comment). */
    static Result repairing(JsonNode node, Type type, String path, String file, List<String> extraKeys) {
        SchemaCheck c = new SchemaCheck(file, true);
        c.walk(node, type, path, extraKeys);
        return new Result(List.copyOf(c.out), Set.copyOf(c.stoodIn), Set.copyOf(c.blocking));
    }

    private void problem(String path, String reason, boolean patched) {
        out.add(new ConfigException(file, path, reason));
        if (patched) {
            stoodIn.add(path);
        } else {
            blocking.add(path);
        }
    }

    /** Walks {@code node}; returns a stand-in to put in its place, or null to keep it. */
    private JsonNode walk(JsonNode node, Type type, String path, List<String> extraKeys) {
        if (type instanceof Class<?> c && c == JsonNode.class) {
            return null;
        }
        if (node == null || node.isNull()) {
            return null; // presence is checked by the caller; null for optional values
        }
        if (type instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            Type[] args = pt.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                if (!node.isArray()) {
                    problem(path, "expected a list, found " + kind(node), false);
                    return null;
                }
                for (int i = 0; i < node.size(); i++) {
                    JsonNode s = walk(node.get(i), args[0], KeyPath.join(path, Integer.toString(i)), List.of());
                    if (s != null) {
                        ((ArrayNode) node).set(i, s);
                    }
                }
                return null;
            }
            if (Map.class.isAssignableFrom(raw)) {
                if (!node.isObject()) {
                    problem(path, "expected a mapping of ids to values, found " + kind(node), false);
                    return null;
                }
                if (node.isEmpty()) {
                    problem(path, "must not be empty", false);
                }
                Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String p = KeyPath.join(path, e.getKey());
                    if (e.getValue() == null || e.getValue().isNull()) {
                        problem(p, "is empty", false);
                        continue;
                    }
                    JsonNode s = walk(e.getValue(), args[1], p, List.of());
                    if (s != null) {
                        e.setValue(s);
                    }
                }
            }
            return null;
        }
        Class<?> c = (Class<?>) type;
        if (c.isRecord()) {
            walkRecord(node, c, path, extraKeys);
            return null;
        }
        return scalar(node, c, path);
    }

    private void walkRecord(JsonNode node, Class<?> c, String path, List<String> extraKeys) {
        if (!node.isObject()) {
            problem(path, "expected a mapping of keys to values, found " + kind(node), false);
            return;
        }
        ObjectNode obj = (ObjectNode) node;
        RecordComponent[] comps = c.getRecordComponents();
        List<String> names = new ArrayList<>(Arrays.stream(comps).map(RecordComponent::getName).toList());
        names.addAll(extraKeys);
        Set<String> suggested = new HashSet<>();
        Map<String, String> renames = new LinkedHashMap<>();
        Iterator<String> keys = obj.fieldNames();
        while (keys.hasNext()) {
            String k = keys.next();
            if (!names.contains(k)) {
                String s = Suggest.closest(k, names);
                if (s != null) {
                    suggested.add(s);
                }
                out.add(new ConfigException(file, KeyPath.join(path, k), "unknown key"
                        + (s != null ? " (did you mean '" + s + "'?)" : "") + "; allowed: "
                        + String.join(", ", names.stream().sorted().toList())));
                renames.put(k, s != null && !obj.has(s) && !renames.containsValue(s) ? s : null);
            }
        }
        if (repair) {
            renames.forEach((from, to) -> {
                JsonNode v = obj.remove(from);
                if (to != null && !extraKeys.contains(to)) {
                    obj.set(to, v);
                }
            });
        }
        for (RecordComponent rc : comps) {
            JsonNode child = obj.get(rc.getName());
            String p = KeyPath.join(path, rc.getName());
            if (child == null || child.isNull()) {
                // A misspelt key was already reported with this name as its suggestion.
                if (!OPTIONAL.contains(c.getSimpleName() + "." + rc.getName()) && !suggested.contains(rc.getName())) {
                    JsonNode standIn = repair ? standIn(rc.getType()) : null;
                    problem(p, "is required", standIn != null);
                    if (standIn != null) {
                        obj.set(rc.getName(), standIn);
                    }
                }
                continue;
            }
            JsonNode s = walk(child, rc.getGenericType(), p, List.of());
            if (s != null) {
                obj.set(rc.getName(), s);
            }
        }
    }

    /** Checks a scalar; returns a stand-in (repairing mode) when it is wrong and one exists. */
    private JsonNode scalar(JsonNode node, Class<?> c, String path) {
        String reason = null;
        if (c == double.class || c == Double.class) {
            if (!node.isNumber()) {
                reason = "expected a number, found " + describe(node);
            } else if (!Double.isFinite(node.asDouble())) {
                reason = "must be a finite number, was " + node.asText();
            }
        } else if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            if (!node.isIntegralNumber()) {
                reason = "expected a whole number, found " + describe(node);
            } else if ((c == int.class || c == Integer.class) && !node.canConvertToInt()) {
                reason = "number too large: " + node.asText();
            } else if (!node.canConvertToLong()) {
                reason = "number too large: " + node.asText();
            }
        } else if (c == boolean.class || c == Boolean.class) {
            if (!node.isBoolean()) {
                reason = "expected true or false, found " + describe(node)
                        + (node.isTextual() ? " (yes, no, on and off are read as text; write true or false)" : "");
            }
        } else if (c == String.class) {
            if (!node.isTextual()) {
                reason = "expected a text value, found " + describe(node);
            }
        } else if (c.isEnum()) {
            List<String> allowed = new ArrayList<>();
            for (Object o : c.getEnumConstants()) {
                allowed.add(o.toString());
            }
            boolean ok = node.isTextual() && allowed.stream().anyMatch(a -> a.equalsIgnoreCase(node.asText()));
            if (!ok) {
                String s = node.isTextual() ? Suggest.closest(node.asText(), allowed) : null;
                reason = "expected one of " + String.join(", ", allowed.stream().map(a -> a.toLowerCase(Locale.ROOT))
                        .toList()) + ", found " + describe(node)
                        + (s != null ? " (did you mean '" + s.toLowerCase(Locale.ROOT) + "'?)" : "");
            }
        }
        if (reason == null) {
            return null;
        }
        JsonNode standIn = repair ? standIn(c) : null;
        problem(path, reason, standIn != null);
        return standIn;
    }

    /** A value of type {@code c} for later checks to work with, or null if there is no neutral one. */
    private static JsonNode standIn(Class<?> c) {
        if (c == double.class || c == Double.class) {
            return F.numberNode(NUMBER_STAND_IN);
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return F.numberNode(WHOLE_STAND_IN);
        }
        if (c == boolean.class || c == Boolean.class) {
            return F.booleanNode(false);
        }
        if (c.isEnum()) {
            return F.textNode(c.getEnumConstants()[0].toString());
        }
        return null;
    }

    private static String kind(JsonNode n) {
        return n.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    private static String describe(JsonNode n) {
        if (n.isTextual()) {
            String t = n.asText().trim().toLowerCase(Locale.ROOT);
            if (t.matches("[-+]?(nan|inf|infinity|\\.nan|\\.inf)")) {
                return "'" + n.asText() + "' (NaN and infinities are not allowed)";
            }
            if (t.matches("[-+]?[0-9._]+(e[-+]?[0-9]+)?%?")) {
                return "'" + n.asText() + "' (a quoted number is text; remove the quotes"
                        + (t.endsWith("%") ? " and the %" : "") + ")";
            }
            return "'" + n.asText() + "'";
        }
        if (n.isContainerNode()) {
            return "a " + (n.isArray() ? "list" : "mapping");
        }
        return n.asText();
    }
}
