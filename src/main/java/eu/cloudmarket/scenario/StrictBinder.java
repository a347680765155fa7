package eu.cloudmarket.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binds configuration trees to records strictly (unknown keys, nulls for numbers, quoted numbers, numbers for text or
 * enums and fractions for whole numbers all fail) and words Jackson's failures as {@link ConfigException}s naming the
 * key path.
 */
final class StrictBinder {
    private final ObjectMapper mapper;

    StrictBinder() {
        mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Collection).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }

    /** The strict mapper itself (for checks that bind record by record). */
    ObjectMapper mapper() {
        return mapper;
    }

    /** Binds {@code node} as {@code type}; a failure names {@code basePath} plus the key path inside the node. */
    <T> T bind(JsonNode node, String file, Class<T> type, String basePath) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw mappingError(e, file, basePath);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file, basePath, Messages.firstLine(e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            throw Messages.fieldError(file, basePath, e.getMessage());
        }
    }

    /** Words a Jackson binding failure: unknown key (with suggestions), failed precondition, wrong or missing value. */
    static ConfigException mappingError(JsonMappingException e, String file, String basePath) {
        String path = KeyPath.join(basePath, pathOf(e));
        if (e instanceof UnrecognizedPropertyException u) {
            return unknownKey(u, file, path);
        }
        if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof IllegalArgumentException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            String msg = cause != null && cause.getMessage() != null ? cause.getMessage()
                    : Messages.firstLine(e.getOriginalMessage());
            return Messages.fieldError(file, path, msg);
        }
        if (e instanceof InvalidFormatException f) {
            Object value = f.getValue();
            String target = f.getTargetType() == null ? "value" : describeType(f.getTargetType());
            return new ConfigException(file, path, "expected " + target + ", got '" + value + "'");
        }
        if (e instanceof MismatchedInputException m) {
            return mismatchedInput(m, file, path);
        }
        return new ConfigException(file, path, Messages.firstLine(e.getOriginalMessage()));
    }

    private static ConfigException unknownKey(UnrecognizedPropertyException u, String file, String path) {
        List<String> known = new ArrayList<>();
        if (u.getKnownPropertyIds() != null) {
            u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
        }
        known.sort(String::compareTo);
        String suggestion = Suggest.closest(u.getPropertyName(), known);
        return new ConfigException(file, path, "unknown key" + (suggestion != null
                ? " (did you mean '" + suggestion + "'?)" : "") + "; allowed: " + String.join(", ", known));
    }

    private static ConfigException mismatchedInput(MismatchedInputException m, String file, String path) {
        String target = m.getTargetType() == null ? "another type" : describeType(m.getTargetType());
        String orig = Messages.firstLine(m.getOriginalMessage());
        if (orig.contains("Missing required creator property")) {
            String prop = orig.replaceAll(".*Missing required creator property '([^']+)'.*", "$1");
            return new ConfigException(file, KeyPath.join(path, prop), "is required");
        }
        if (orig.contains("null") && orig.toLowerCase(Locale.ROOT).contains("primitive")) {
            return new ConfigException(file, path, "is required (a number), found null");
        }
        return new ConfigException(file, path, "wrong type: expected " + target);
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
            String part = r.getFieldName() != null ? r.getFieldName()
                    : r.getIndex() >= 0 ? String.valueOf(r.getIndex()) : null;
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
}
