package eu.cloudmarket.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Atomic result folders: everything is written into a hidden temporary sibling ({@code .NAME.partial-PID-N}) and
 * renamed into place only when complete, so a killed run never leaves a folder that looks finished. An existing
 * result folder is replaced only when asked ({@code force}), and never anything that is not a result folder (see
 * {@link #replaceRefusal}); it is first moved aside to {@code .NAME.replaced-PID-N} and
 * deleted after the new folder is in place. Partial and replaced folders left by dead processes (kill -9, power
 * loss) are removed the next time a folder is created beside them; those of live processes are left alone.
 */
public final class ResultFolder {
    private static final Pattern PARTIAL = Pattern.compile("\\..+\\.(?:partial|replaced)-(\\d+)-\\d+");

    private final Path target;
    private final Path temp;
    private boolean committed;
    private boolean abandoned;

    private ResultFolder(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /**
     * Creates the temporary folder for {@code target}. Fails if {@code target} exists and {@code force} is false.
     */
    public static ResultFolder create(Path target, boolean force) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !force) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "already exists; choose another --out or add --force to replace it");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            String refusal = replaceRefusal(abs);
            if (refusal != null) {
                throw new FileAlreadyExistsException(target.toString(), null, refusal);
            }
        }
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        cleanStalePartials(parent);
        long pid = ProcessHandle.current().pid();
        Path temp = parent.resolve("." + abs.getFileName() + ".partial-" + pid + "-" + System.nanoTime());
        Files.createDirectory(temp);
        return new ResultFolder(abs, temp);
    }

    /**
     * Why {@code --force} must not replace {@code existing}, or null if it may. Only result folders are replaced:
     * folders holding a {@code metadata.json} (a run) or {@code manifest.json} (a sweep), or empty folders. A typo
     * such as {@code --out . --force} or {@code --out results --force} must not delete a project or all results.
     */
    static String replaceRefusal(Path existing) throws IOException {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (cwd.startsWith(existing)) {
            return "is the current folder or contains it; --force will not replace it";
        }
        if (Files.isSymbolicLink(existing) || !Files.isDirectory(existing)) {
            return "exists and is not a result folder (a file or a link); --force only replaces result folders";
        }
        boolean empty;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(existing)) {
            empty = !ds.iterator().hasNext();
        }
        if (!empty && !Files.isRegularFile(existing.resolve("metadata.json"))
                && !Files.isRegularFile(existing.resolve("manifest.json"))) {
            return "does not look like a result folder (no metadata.json or manifest.json); --force only replaces"
                    + " result folders: move or delete it yourself if you mean it";
        }
        return null;
    }

    /** The folder to write into. */
    public Path dir() {
        return temp;
    }

    public Path target() {
        return target;
    }

    /**
     * {@code root/name}, refusing names that would point outside {@code root}: empty names, {@code .} and
     * {@code ..}, absolute paths, and anything with a path separator.
     *
     * @throws IllegalArgumentException for such a name
     */
    public static Path inside(Path root, String name) {
        if (name == null || name.isBlank() || name.equals(".") || name.equals("..") || name.contains("/")
                || name.contains("\\") || name.contains("\0") || name.startsWith(".") || name.contains("..")) {
            throw new IllegalArgumentException("'" + name + "' cannot name a folder inside " + root
                    + " (no path separators, no leading '.', no '..')");
        }
        Path p = root.resolve(name);
        Path rootNorm = root.toAbsolutePath().normalize();
        if (p.isAbsolute() != root.isAbsolute() || !rootNorm.equals(p.toAbsolutePath().normalize().getParent())) {
            throw new IllegalArgumentException("'" + name + "' would leave " + root);
        }
        return p;
    }

    /** {@code results/<name>-<timestamp>}, numbered on if taken; the name is checked as by {@link #inside}. */
    public static Path defaultFor(String name) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path root = Path.of("results");
        Path p = inside(root, name + "-" + stamp);
        for (int n = 2; Files.exists(p); n++) {
            p = inside(root, name + "-" + stamp + "-" + n);
        }
        return p;
    }

    /** Renames the finished folder into place (replacing an existing one only if it was allowed at creation). */
    public synchronized void commit() throws IOException {
        if (committed) {
            return;
        }
        if (abandoned) {
            throw new IOException("result folder was abandoned (the process is shutting down)");
        }
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".replaced-" + ProcessHandle.current().pid()
                    + "-" + System.nanoTime());
            Files.move(target, old);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target);
        }
        committed = true;
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Removes the temporary folder if the result was not committed. */
    public synchronized void abandon() {
        if (!committed) {
            abandoned = true;
            try {
                deleteTree(temp);
            } catch (IOException ignored) {
                // best effort; the next run cleans stale partial folders
            }
        }
    }

    /** Deletes partial (and moved-aside replaced) folders in {@code parent} whose owning process is no longer alive. */
    public static void cleanStalePartials(Path parent) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, ".*.{partial,replaced}-*")) {
            for (Path p : ds) {
                Matcher m = PARTIAL.matcher(p.getFileName().toString());
                if (m.matches()) {
                    long pid = Long.parseLong(m.group(1));
                    boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                    if (!alive) {
                        deleteTree(p);
                    }
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // cleanup is opportunistic
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
