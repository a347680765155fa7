package eu.cloudmarket.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects every out-of-range value in a configuration tree, not only the first. The ranges live in the parameter
 * records' compact constructors (the single source of truth); a constructor stops at its first bad field, so this
 * check binds each record bottom-up and, when a numeric field is rejected, reports it, substitutes a value the
 * constructor accepts and binds again, until the record binds or a problem cannot be worked around (a bad text
 * value, or a rule across two fields). The substituted tree lets later checks (sums, references, events) run too;
 * the paths that were substituted are returned so that checks depending on them can be skipped.
 */
final class RangeCheck {
    /** Numbers tried in turn for a rejected field, common values first, until its own check accepts one. */
    private static final double[] DOUBLE_STAND_INS = {0.5, 1.0, 0.0, 0.1, 0.9, 2.0, 10.0, 1e-3, 0.999, -0.5, 100.0};
    /** Whole numbers tried in turn for a rejected field, as for {@link #DOUBLE_STAND_INS}. */
    private static final int[] INT_STAND_INS = {1, 2, 4, 0, 10, 100};

    /**
     * The outcome.
     *
     * @param problems  every range problem found, in tree order
     * @param repaired  key paths whose values were replaced by stand-ins
     * @param bindable  whether the repaired tree binds as a whole (false if some problem could not be worked around,
     *                  or the tree had schema problems)
     */
    record Result(List<ConfigException> problems, Set<String> repaired, boolean bindable) {
    }

    private final ObjectMapper binder;
    private final String file;
    private final Set<String> schemaProblemPaths;
    private final Set<String> alreadyReported;
    private final List<ConfigException> problems = new ArrayList<>();
    private final Set<String> repaired = new LinkedHashSet<>();

    private RangeCheck(ObjectMapper binder, String file, Set<String> schemaProblemPaths, Set<String> alreadyReported) {
        this.binder = binder;
        this.file = file;
        this.schemaProblemPaths = schemaProblemPaths;
        this.alreadyReported = alreadyReported;
    }

    /**
     * Checks {@code node} (modified in place: bad values are replaced by stand-ins) against {@code type}.
     *
     * @param schema the repairing schema check's outcome: records containing its blocking problems are not bound,
     *               and values it stood in for are substituted again if needed but not reported twice
     */
    static Result check(ObjectMapper binder, JsonNode node, Type type, String path, String file,
            SchemaCheck.Result schema) {
        RangeCheck c = new RangeCheck(binder, file, schema.blocking(), schema.stoodIn());
        boolean ok = c.walk(node, type, path);
        Set<String> repaired = new LinkedHashSet<>(schema.stoodIn());
        repaired.addAll(c.repaired);
        return new Result(List.copyOf(c.problems), Set.copyOf(repaired), ok && schema.blocking().isEmpty());
    }

    private boolean walk(JsonNode node, Type type, String path) {
        if (node == null || node.isNull() || (type instanceof Class<?> k && k == JsonNode.class)) {
            return true;
        }
        if (type instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            Type[] args = pt.getActualTypeArguments();
            boolean ok = true;
            if (List.class.isAssignableFrom(raw) && node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    ok &= walk(node.get(i), args[0], KeyPath.join(path, Integer.toString(i)));
                }
            } else if (Map.class.isAssignableFrom(raw) && node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    ok &= walk(e.getValue(), args[1], KeyPath.join(path, e.getKey()));
                }
            }
            return ok;
        }
        Class<?> c = (Class<?>) type;
        if (!c.isRecord() || !(node instanceof ObjectNode obj)) {
            return true;
        }
        boolean childrenOk = true;
        for (RecordComponent rc : c.getRecordComponents()) {
            Type t = rc.getGenericType();
            if (t instanceof ParameterizedType || (t instanceof Class<?> k && k.isRecord())) {
                childrenOk &= walk(obj.get(rc.getName()), t, KeyPath.join(path, rc.getName()));
            }
        }
        if (!childrenOk || hasSchemaProblemAtOrUnder(path)) {
            return false;
        }
        return bindRepairing(obj, c, path);
    }

    private boolean hasSchemaProblemAtOrUnder(String path) {
        for (String p : schemaProblemPaths) {
            if (path.isEmpty() || p.equals(path) || p.startsWith(path + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Binds {@code obj} as {@code type}, reporting and substituting rejected numeric fields one at a time. */
    private boolean bindRepairing(ObjectNode obj, Class<?> type, String path) {
        Set<String> reported = new LinkedHashSet<>();
        for (int attempt = 0; attempt <= type.getRecordComponents().length; attempt++) {
            String message = rejection(obj, type);
            if (message == null) {
                return true;
            }
            ConfigException problem = Messages.fieldError(file, path, message);
            String field = fieldOf(message);
            RecordComponent rc = field == null ? null : component(type, field);
            if (!reported.add(field == null ? message : field)) {
                return false; // a stand-in did not help: give up on this record
            }
            if (!alreadyReported.contains(problem.path())) {
                problems.add(problem);
            }
            if (rc == null || !substitute(obj, type, rc)) {
                return false;
            }
            repaired.add(KeyPath.join(path, field));
        }
        return false;
    }

    /** Replaces the rejected field with the first stand-in that its own check accepts. */
    private boolean substitute(ObjectNode obj, Class<?> type, RecordComponent rc) {
        Class<?> t = rc.getType();
        List<JsonNode> standIns = new ArrayList<>();
        if (t == double.class || t == Double.class) {
            for (double d : DOUBLE_STAND_INS) {
                standIns.add(JsonNodeFactory.instance.numberNode(d));
            }
        } else if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            for (int i : INT_STAND_INS) {
                standIns.add(JsonNodeFactory.instance.numberNode(i));
            }
        } else {
            return false;
        }
        for (JsonNode s : standIns) {
            obj.set(rc.getName(), s);
            String m = rejection(obj, type);
            if (m == null || !rc.getName().equals(fieldOf(m))) {
                return true;
            }
        }
        return false;
    }

    /** The constructor's rejection message for {@code obj}, or null if it binds. */
    private String rejection(ObjectNode obj, Class<?> type) {
        try {
            binder.treeToValue(obj, type);
            return null;
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof IllegalArgumentException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause != null && cause.getMessage() != null ? cause.getMessage()
                    : Messages.firstLine(e.getOriginalMessage());
        } catch (JsonMappingException e) {
            return StrictBinder.mappingError(e, file, "").reason();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Messages.firstLine(e.getMessage());
        }
    }

    private static String fieldOf(String message) {
        int colon = message.indexOf(": ");
        if (colon > 0 && message.substring(0, colon).matches("[A-Za-z0-9_]+")) {
            return message.substring(0, colon);
        }
        return null;
    }

    private static RecordComponent component(Class<?> type, String name) {
        for (RecordComponent rc : type.getRecordComponents()) {
            if (rc.getName().equals(name)) {
                return rc;
            }
        }
        return null;
    }
}
