package eu.cloudmarket.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * How a folder written by this tool is recognised, and so what {@code --force} may replace. A file merely named
 * metadata.json or manifest.json proves nothing (web apps, photo folders and LaTeX projects have them): a run folder
 * is one whose metadata.json says {@code "tool": "cloudmarket"} and carries the run's {@code version},
 * {@code scenario} and {@code config_sha256}; a sweep folder is one whose manifest.json has
 * {@code "format": "cloudmarket-sweep/1"}, {@code "tool": "cloudmarket"} and a {@code plan_sha256}. These are the
 * fields {@link Metadata} and the sweep manifest have always written, so folders of older versions are recognised.
 */
public final class FolderMarks {
    public static final String TOOL = "cloudmarket";
    public static final String RUN_MARK = "metadata.json";
    public static final String SWEEP_MARK = "manifest.json";
    public static final String SWEEP_FORMAT = "cloudmarket-sweep/1";
    /** Written first into a hidden partial folder ("pid host"), so stale-folder cleanup knows the folder is ours. */
    static final String PARTIAL_MARK = ".cloudmarket-partial";
    /** A mark file larger than this is not ours (ours are a few kB; a sweep manifest with many levels, some 100 kB). */
    private static final long MAX_MARK_BYTES = 16L << 20;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** The two kinds of result folder; each is replaced with {@code --force} only by its own command. */
    public enum Kind {
        RUN("run folder", RUN_MARK, "does not look like a result folder of cloudmarket",
                "'run --force' replaces only run folders"),
        SWEEP("sweep folder", SWEEP_MARK, "is not a sweep folder of cloudmarket",
                "'sweep --force' replaces only sweep folders");

        private final String label;
        private final String mark;
        private final String notOurs;
        private final String rule;

        Kind(String label, String mark, String notOurs, String rule) {
            this.label = label;
            this.mark = mark;
            this.notOurs = notOurs;
            this.rule = rule;
        }

        public String mark() {
            return mark;
        }
    }

    private FolderMarks() {
    }

    /** Whether {@code dir} (not a link) is a folder of {@code kind} written by this tool. */
    public static boolean is(Path dir, Kind kind) {
        return kind == Kind.RUN ? isRunFolder(dir) : isSweepFolder(dir);
    }

    /** Whether {@code dir} holds the metadata.json of a cloudmarket run. */
    public static boolean isRunFolder(Path dir) {
        JsonNode m = readMark(dir.resolve(RUN_MARK));
        return m != null && TOOL.equals(m.path("tool").asText()) && m.path("version").isTextual()
                && m.path("scenario").isTextual() && SHA256.matcher(m.path("config_sha256").asText()).matches();
    }

    /** Whether {@code dir} holds the manifest.json of a cloudmarket sweep. */
    public static boolean isSweepFolder(Path dir) {
        JsonNode m = readMark(dir.resolve(SWEEP_MARK));
        return m != null && SWEEP_FORMAT.equals(m.path("format").asText()) && TOOL.equals(m.path("tool").asText())
                && SHA256.matcher(m.path("plan_sha256").asText()).matches();
    }

    /** Whether {@code dir} is a run or a sweep folder of this tool. */
    static boolean isOurs(Path dir) {
        return isRunFolder(dir) || isSweepFolder(dir);
    }

    private static JsonNode readMark(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_MARK_BYTES) {
                return null;
            }
            JsonNode n = new ObjectMapper().readTree(file.toFile());
            return n != null && n.isObject() ? n : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Why {@code --force} must not replace {@code existing} with a result of {@code kind}, or null if it may. It may
     * replace only an empty folder or a folder of that kind written by this tool; never a file, a link, the current
     * folder {@code cwd} or a folder containing it, a folder of the other kind, or any other folder.
     */
    public static String refusal(Path existing, Kind kind, Path cwd) throws IOException {
        if (Files.isSymbolicLink(existing)) {
            return "is a link; --force never replaces a link (or what it points to): give the folder itself";
        }
        if (!Files.isDirectory(existing, LinkOption.NOFOLLOW_LINKS)) {
            return "exists and is not a folder; --force only replaces result folders";
        }
        Path abs = existing.toAbsolutePath().normalize();
        Path here = cwd.toAbsolutePath().normalize();
        if (here.startsWith(abs) || here.toRealPath().startsWith(abs.toRealPath())) {
            return "is the current folder or contains it; --force never replaces it";
        }
        if (isEmpty(existing) || is(existing, kind)) {
            return null;
        }
        Kind other = kind == Kind.RUN ? Kind.SWEEP : Kind.RUN;
        if (is(existing, other)) {
            return "is a " + other.label + "; " + kind.rule + ": choose another --out";
        }
        return kind.notOurs + " (no " + kind.mark + " written by it); " + kind.rule
                + " or empty folders: move or delete it yourself if you mean it";
    }

    /** {@link #refusal(Path, Kind, Path)} with the process's working folder. */
    public static String refusal(Path existing, Kind kind) throws IOException {
        return refusal(existing, kind, Path.of(""));
    }

    static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            return !ds.iterator().hasNext();
        }
    }
}
