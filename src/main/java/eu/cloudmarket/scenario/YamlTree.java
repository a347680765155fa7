package eu.cloudmarket.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Builds a JSON tree from YAML text token by token, so that the input's quirks are handled on purpose rather than by
 * accident:
 * <ul>
 *   <li>aliases ({@code *name}) are expanded (Jackson alone would turn them into the text "name"), at most
 *       {@value #MAX_ALIASES} of them and at most {@value #MAX_VALUES} values in all, so an alias bomb ("billion
 *       laughs") is refused at once instead of exhausting memory;</li>
 *   <li>merge keys ({@code <<}) are refused with a hint, rather than read as a key named "&lt;&lt;";</li>
 *   <li>numbers are plain decimals: YAML 1.1's octal ({@code 01000} is 512), hexadecimal, binary and digit
 *       separators are refused with the decimal to write instead ({@link PlainNumbers}); only {@code true} and
 *       {@code false} are booleans ({@code NO}, {@code yes}, {@code off} stay text);</li>
 *   <li>{@code .nan} and {@code .inf} become NaN and infinite numbers, so the schema check reports them by key path
 *       (Jackson alone fails on them with a parse error);</li>
 *   <li>a second YAML document in the file is refused rather than silently ignored;</li>
 *   <li>the position of every key and list item is recorded in a {@link SourceMap}.</li>
 * </ul>
 * Duplicate keys, nesting depth and size are limited by the parser's own settings.
 */
final class YamlTree {
    /** Most aliases a config may use; a scenario needs a handful at most. */
    static final int MAX_ALIASES = 20;
    /** Most values (mappings, lists and scalars, after alias expansion); the baseline has about 1,200. */
    static final int MAX_VALUES = 200_000;

    /**
     * SnakeYAML's default limit on code points, kept as the floor of the anchor pass; raised to the text's length
     * so this pass never refuses a text the main pass read.
     */
    private static final int ANCHOR_PASS_CODE_POINTS = 3 * 1024 * 1024;

    private static final Pattern INF = Pattern.compile("[-+]?\\.(?:inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(?:nan|NaN|NAN)");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final YAMLParser parser;
    private final String origin;
    private final SourceMap sources;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    /** Anchors on scalars ({@code &rate 0.3}), which Jackson's parser does not expose, by position. */
    private final Map<Long, String> scalarAnchors = new HashMap<>();
    private int aliases;
    private int values;

    private YamlTree(YAMLParser parser, String origin, SourceMap sources) {
        this.parser = parser;
        this.origin = origin;
        this.sources = sources;
    }

    /**
     * Reads one YAML document.
     *
     * @return the document's root, or null for an empty document
     * @throws IOException     on malformed YAML (with the parser's location)
     * @throws ConfigException on a refused construct (alias bomb, merge key, second document, ...)
     */
    static JsonNode read(YAMLFactory factory, String text, String origin, SourceMap sources) throws IOException {
        try (YAMLParser p = factory.createParser(text)) {
            YamlTree t = new YamlTree(p, origin, sources);
            if (text.indexOf('&') >= 0) {
                t.scalarAnchors.putAll(scalarAnchors(text));
            }
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            JsonNode root = t.value(first, "");
            if (p.nextToken() != null) {
                JsonLocation loc = p.currentTokenLocation();
                throw new ConfigException(origin, null, loc.getLineNr(), loc.getColumnNr(),
                        "a second YAML document ('---') follows the first; a config file holds exactly one mapping");
            }
            return root;
        }
    }

    private JsonNode value(JsonToken token, String path) throws IOException {
        JsonLocation loc = parser.currentTokenLocation();
        count(path, loc);
        switch (token) {
            case START_OBJECT -> {
                String anchor = parser.getObjectId() == null ? null : parser.getObjectId().toString();
                ObjectNode obj = F.objectNode();
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_OBJECT) {
                    if (t != JsonToken.FIELD_NAME) {
                        throw new ConfigException(origin, emptyToNull(path), line(), column(), "malformed mapping");
                    }
                    String key = parser.currentName();
                    JsonLocation keyLoc = parser.currentTokenLocation();
                    String childPath = KeyPath.join(path, key);
                    if (key.equals("<<")) {
                        throw new ConfigException(origin, emptyToNull(path), keyLoc.getLineNr(), keyLoc.getColumnNr(),
                                "YAML merge keys ('<<') are not supported; write the keys out, or put shared settings"
                                        + " in a base file and use 'extends'");
                    }
                    JsonNode child = value(parser.nextToken(), childPath);
                    obj.set(key, child);
                    record(obj, key, keyLoc);
                }
                register(anchor, obj);
                return obj;
            }
            case START_ARRAY -> {
                String anchor = parser.getObjectId() == null ? null : parser.getObjectId().toString();
                ArrayNode arr = F.arrayNode();
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    JsonLocation itemLoc = parser.currentTokenLocation();
                    String key = Integer.toString(arr.size());
                    arr.add(value(t, KeyPath.join(path, key)));
                    record(arr, key, itemLoc);
                }
                register(anchor, arr);
                return arr;
            }
            default -> {
                if (parser.isCurrentAlias()) {
                    return alias(parser.getText(), path, loc);
                }
                JsonNode scalar = scalar(token, path, loc);
                register(scalarAnchors.get(key(loc.getLineNr() - 1, loc.getColumnNr() - 1)), scalar);
                return scalar;
            }
        }
    }

    private JsonNode scalar(JsonToken token, String path, JsonLocation loc) throws IOException {
        return switch (token) {
            case VALUE_STRING -> F.textNode(parser.getText());
            case VALUE_TRUE, VALUE_FALSE -> trueOrFalse(parser.getText());
            case VALUE_NULL -> F.nullNode();
            case VALUE_NUMBER_INT -> {
                String text = parser.getText().trim();
                String problem = PlainNumbers.wholeNumberProblem(text);
                if (problem != null) {
                    throw new ConfigException(origin, emptyToNull(path), loc.getLineNr(), loc.getColumnNr(), problem);
                }
                Number n = parser.getNumberValue();
                if (n instanceof Integer i) {
                    yield F.numberNode(i);
                }
                if (n instanceof Long l) {
                    yield F.numberNode(l);
                }
                yield F.numberNode(new java.math.BigInteger(n.toString()));
            }
            case VALUE_NUMBER_FLOAT -> {
                String text = parser.getText().trim();
                String problem = PlainNumbers.decimalProblem(text);
                if (problem != null) {
                    throw new ConfigException(origin, emptyToNull(path), loc.getLineNr(), loc.getColumnNr(), problem);
                }
                if (NAN.matcher(text).matches()) {
                    yield F.numberNode(Double.NaN);
                }
                if (INF.matcher(text).matches()) {
                    yield F.numberNode(text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
                }
                yield F.numberNode(parser.getDoubleValue());
            }
            default -> throw new ConfigException(origin, emptyToNull(path), loc.getLineNr(), loc.getColumnNr(),
                    "unsupported YAML value (" + token + "); use a number, text, true/false, a list or a mapping");
        };
    }

    /**
     * A YAML 1.1 boolean as YAML 1.2 reads it: only true and false (in any of YAML's three spellings) are booleans;
     * yes, no, on, off stay text, so a country code {@code NO} is Norway and not false, and a true/false key given
     * {@code yes} is refused by the schema check with a hint.
     */
    private static JsonNode trueOrFalse(String text) {
        return switch (text.trim()) {
            case "true", "True", "TRUE" -> F.booleanNode(true);
            case "false", "False", "FALSE" -> F.booleanNode(false);
            default -> F.textNode(text);
        };
    }

    /**
     * The anchors of scalar values by their start position, from SnakeYAML's own event stream (a second, cheap pass
     * done only when the text contains '&'). Malformed YAML is left for the main pass to report.
     */
    private static Map<Long, String> scalarAnchors(String text) {
        Map<Long, String> out = new HashMap<>();
        try {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(Math.max(text.length() + 1, ANCHOR_PASS_CODE_POINTS));
            Parser events = new ParserImpl(new StreamReader(text), options);
            while (events.peekEvent() != null) {
                Event e = events.getEvent();
                if (e instanceof ScalarEvent s && s.getAnchor() != null) {
                    out.put(key(s.getStartMark().getLine(), s.getStartMark().getColumn()), s.getAnchor());
                }
                if (e instanceof StreamEndEvent) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            // reported by the main pass
        }
        return out;
    }

    private static long key(int line0, int column0) {
        return ((long) line0 << 32) | (column0 & 0xffffffffL);
    }

    private JsonNode alias(String name, String path, JsonLocation loc) {
        if (++aliases > MAX_ALIASES) {
            throw new ConfigException(origin, emptyToNull(path), loc.getLineNr(), loc.getColumnNr(),
                    "more than " + MAX_ALIASES + " YAML aliases (*name): refused to guard against alias bombs;"
                            + " write the values out or use 'extends'");
        }
        JsonNode target = anchors.get(name);
        if (target == null) {
            throw new ConfigException(origin, emptyToNull(path), loc.getLineNr(), loc.getColumnNr(),
                    "unknown YAML alias '*" + name + "' (no complete '&" + name + "' before it)");
        }
        JsonNode copy = copy(target, path, loc);
        if (sources != null && copy.isContainerNode()) {
            sources.aliasExpansion(copy);
        }
        return copy;
    }

    private JsonNode copy(JsonNode node, String path, JsonLocation loc) {
        if (node.isObject()) {
            ObjectNode c = F.objectNode();
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                count(path, loc);
                c.set(e.getKey(), copy(e.getValue(), path, loc));
                if (sources != null) {
                    sources.move(node, e.getKey(), c, e.getKey());
                }
            }
            return c;
        }
        if (node.isArray()) {
            ArrayNode c = F.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                count(path, loc);
                c.add(copy(node.get(i), path, loc));
                if (sources != null) {
                    sources.move(node, Integer.toString(i), c, Integer.toString(i));
                }
            }
            return c;
        }
        return node.deepCopy();
    }

    private void count(String path, JsonLocation loc) {
        if (++values > MAX_VALUES) {
            throw new ConfigException(origin, emptyToNull(path), loc.getLineNr(), loc.getColumnNr(),
                    "more than " + MAX_VALUES + " values (after expanding YAML aliases): refused; a scenario has a"
                            + " few thousand at most");
        }
    }

    private void register(String anchor, JsonNode node) {
        if (anchor != null) {
            anchors.put(anchor, node);
        }
    }

    private void record(JsonNode container, String key, JsonLocation loc) {
        if (sources != null) {
            sources.put(container, key, new SourceMap.Position(origin, loc.getLineNr(), loc.getColumnNr()));
        }
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    private int column() {
        return parser.currentTokenLocation().getColumnNr();
    }

    private static String emptyToNull(String path) {
        return path == null || path.isEmpty() ? null : path;
    }
}
