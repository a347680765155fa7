package eu.cloudmarket.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one config file (a scenario or a sweep, YAML or JSON) into a tree: a readable, non-empty, UTF-8 text file of
 * bounded size whose top level is a mapping, parsed strictly by {@link YamlTree} (no duplicate keys, bounded aliases
 * and nesting). Every failure is a {@link ConfigException} naming the file and, where the parser knows it, the line.
 */
final class ConfigReader {
    private static final int MIB = 1024 * 1024;
    /** Largest file read, in bytes: a scenario file is a few kilobytes, so anything near this is a mistake. */
    static final int MAX_BYTES = 8 * MIB;
    /** Deepest nesting of mappings and lists: a scenario needs about 5 levels. */
    static final int MAX_NESTING_DEPTH = 40;

    private final ObjectMapper yaml;

    ConfigReader() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(YamlTree.MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        yaml = new YAMLMapper(factory);
    }

    /** The YAML mapper used for reading and for writing resolved configs. */
    ObjectMapper yamlMapper() {
        return yaml;
    }

    /**
     * Reads a file into a tree, checking it is a readable, non-empty, text YAML mapping, and records the position of
     * every key and list item in {@code sources}.
     */
    ObjectNode read(Path file, SourceMap sources) {
        String name = file.toString();
        checkIsReadableFile(file, name);
        String text = decode(file, name);
        if (text.indexOf('\0') >= 0) {
            throw new ConfigException(name, null, "not a text file (contains NUL bytes)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new ConfigException(name, null, "file is empty");
        }
        return topLevelMapping(parse(text, name, sources), name);
    }

    private static void checkIsReadableFile(Path file, String name) {
        if (!Files.exists(file)) {
            throw new ConfigException(name, null, "file not found");
        }
        if (Files.isDirectory(file)) {
            throw new ConfigException(name, null, "is a directory, not a config file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(name, null, "is not a regular file (a device or a pipe?)");
        }
        if (!Files.isReadable(file)) {
            throw new ConfigException(name, null, "file is not readable (check permissions)");
        }
    }

    /** The file's text, refusing files over {@link #MAX_BYTES} and bytes that are not UTF-8. */
    private static String decode(Path file, String name) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ConfigException(name, null, "file is larger than " + MAX_BYTES / MIB
                        + " MiB; a scenario file is a few kilobytes");
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(name, null, "not a UTF-8 text file (binary data?)");
        } catch (IOException e) {
            throw new ConfigException(name, null, "cannot read file: " + e.getMessage());
        }
    }

    private JsonNode parse(String text, String name, SourceMap sources) {
        try {
            return YamlTree.read((YAMLFactory) yaml.getFactory(), text, name, sources);
        } catch (JsonProcessingException e) {
            throw parseError(name, e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConfigException c) {
                throw c;
            }
            // The library's own message may quote the input: say only that the file is not YAML.
            throw new ConfigException(name, null, formatOf(name) + "the file cannot be read as a config");
        }
    }

    private static ObjectNode topLevelMapping(JsonNode node, String name) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new ConfigException(name, null, "file is empty (only comments or blank lines)");
        }
        if (!node.isObject()) {
            // The value is not echoed: a file given by mistake (a password file reads as one long text) is not shown.
            throw new ConfigException(name, null, "top level must be a mapping of keys to values (key: value lines),"
                    + " found " + (node.isArray() ? "a list" : "a single value (is this a config file?)"));
        }
        return (ObjectNode) node;
    }

    private static String formatOf(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".json") ? "invalid JSON: " : "invalid YAML: ";
    }

    /**
     * Words a parse failure by its kind (duplicate key, depth, size, syntax) and position; the parser's text, which
     * quotes the input, is not copied (see {@link SyntaxMessage}).
     */
    private static ConfigException parseError(String name, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String msg = Messages.firstLine(e.getOriginalMessage());
        if (msg.contains("Duplicate field") || msg.contains("duplicate key")) {
            String key = msg.replaceAll(".*(?:Duplicate field|duplicate key) '?([^' ]+)'?.*", "$1");
            msg = "duplicated key '" + key + "'";
        } else if (msg.contains("Document nesting depth") || msg.contains("nesting depth")) {
            msg = "nested more than " + MAX_NESTING_DEPTH + " levels deep: refused (a scenario needs about 5)";
        } else if (msg.contains("exceeds the limit") || msg.contains("code points")) {
            msg = "file is too large: refused";
        } else {
            msg = formatOf(name) + "not well-formed";
        }
        String format = formatOf(name);
        int line = loc == null ? -1 : loc.getLineNr();
        int col = loc == null ? -1 : loc.getColumnNr();
        // SnakeYAML knows where the problem itself is (Jackson reports where the construct around it began).
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                line = m.getProblemMark().getLine() + 1;
                col = m.getProblemMark().getColumn() + 1;
                if (m.getProblem() != null && !m.getProblem().isBlank()) {
                    msg = format + SyntaxMessage.of(m.getProblem(), m.getContext());
                }
                break;
            }
        }
        return new ConfigException(name, null, line, col, msg);
    }
}
