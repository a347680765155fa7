package eu.cloudmarket.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Atomic result folders: everything is written into a hidden temporary folder ({@code .NAME.partial-PID-N}, beside
 * the target, or beside its first missing parent folder, which it then holds) and renamed into place only when
 * complete, so a killed run never leaves a visible folder, not even a parent it created. An existing folder is replaced
 * only when asked ({@code force}) and only if {@link FolderMarks#refusal} allows it; it is first moved aside to
 * {@code .NAME.replaced-PID-N} and deleted after the new folder is in place. A folder that appeared at the target while
 * the result was written (another run into the same {@code --out}) is never replaced: the commit fails with
 * {@link FileAlreadyExistsException}. Hidden folders left by dead processes (kill -9, power loss) are cleaned up the
 * next time a folder is created beside them, but only those that carry this tool's mark (see
 * {@link #cleanStalePartials}).
 */
public final class ResultFolder {
    private static final Pattern LEFTOVER = Pattern.compile("\\.(.+)\\.(partial|replaced)-(\\d+)-\\d+");

    private final Path target;
    private final Path temp;
    private final Path content;
    /** What {@code temp} is renamed to: the target, or the first missing parent folder of it. */
    private final Path top;
    /** The file key of the folder {@code force} may replace, as found at creation; null if there was none. */
    private final Object replaceable;
    private boolean committed;
    private boolean abandoned;

    private ResultFolder(Path target, Path temp, Path content, Path top, Object replaceable) {
        this.target = target;
        this.temp = temp;
        this.content = content;
        this.top = top;
        this.replaceable = replaceable;
    }

    /**
     * Creates the temporary folder for {@code target}. Fails with {@link FileAlreadyExistsException} (whose reason
     * says why) if {@code target} exists and {@code force} is false or may not replace it.
     */
    public static ResultFolder create(Path target, boolean force) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path base = abs.getParent();
        if (base == null) {
            throw new FileAlreadyExistsException(target.toString(), null, "is the root folder; choose another --out");
        }
        while (!Files.isDirectory(base)) {
            if (Files.exists(base, LinkOption.NOFOLLOW_LINKS) || base.getParent() == null) {
                throw new NotDirectoryException(base.toString());
            }
            base = base.getParent();
        }
        cleanStalePartials(base);
        Object replaceable = null;
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            if (!force) {
                throw new FileAlreadyExistsException(target.toString(), null,
                        "already exists; choose another --out or add --force to replace it");
            }
            String refusal = FolderMarks.refusal(abs, FolderMarks.Kind.RUN);
            if (refusal != null) {
                throw new FileAlreadyExistsException(target.toString(), null, refusal);
            }
            replaceable = fileKey(abs);
        }
        Path top = base.relativize(abs).getName(0);
        Path temp = base.resolve(hiddenName(top, "partial"));
        Files.createDirectory(temp);
        Files.writeString(temp.resolve(FolderMarks.PARTIAL_MARK), owner(), StandardCharsets.UTF_8);
        Path content = temp.resolve(top.relativize(base.relativize(abs)).toString());
        Files.createDirectories(content);
        return new ResultFolder(abs, temp, content, base.resolve(top), replaceable);
    }

    /** {@code .NAME.KIND-PID-N}: hidden, named after what it becomes, and after the process that owns it. */
    private static String hiddenName(Path name, String kind) {
        return "." + name + "." + kind + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    /** "pid host" of this process, the content of the partial mark. */
    private static String owner() {
        return ProcessHandle.current().pid() + " " + FolderLock.host() + "\n";
    }

    private static Object fileKey(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    /** The folder to write into. */
    public Path dir() {
        return content;
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

    /**
     * Renames the finished folder into place. A folder at the target is replaced only if it is the one that
     * {@code force} was allowed to replace at creation; one that appeared since (another run's result) is not.
     *
     * @throws FileAlreadyExistsException if a folder appeared at the target meanwhile (the result is discarded)
     */
    public synchronized void commit() throws IOException {
        if (committed) {
            return;
        }
        if (abandoned) {
            throw new IOException("result folder was abandoned (the process is shutting down)");
        }
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (replaceable == null || !replaceable.equals(fileKey(target))
                    || FolderMarks.refusal(target, FolderMarks.Kind.RUN) != null) {
                throw appeared(target);
            }
            old = target.resolveSibling(hiddenName(target.getFileName(), "replaced"));
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(old.resolve(FolderMarks.PARTIAL_MARK), owner(), StandardCharsets.UTF_8);
        }
        try {
            Files.delete(temp.resolve(FolderMarks.PARTIAL_MARK)); // from here on the run's own mark identifies it
            moveIntoPlace();
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE); // put the replaced folder back
                Files.delete(target.resolve(FolderMarks.PARTIAL_MARK));
            }
            throw e;
        }
        committed = true;
        if (old != null) {
            deleteMarked(old);
        }
    }

    /**
     * Renames the temporary folder to {@code top} (the target, or the first missing parent that it holds). Should
     * that parent have appeared meanwhile, only the result itself is moved into it.
     */
    private void moveIntoPlace() throws IOException {
        if (Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
            if (top.equals(target)) {
                throw appeared(target);
            }
            Files.createDirectories(target.getParent());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw appeared(target);
            }
            rename(content, target);
            deleteTree(temp);
            return;
        }
        rename(temp, top);
    }

    private static FileAlreadyExistsException appeared(Path p) {
        return new FileAlreadyExistsException(p.toString(), null, "appeared while this run was writing (another"
                + " run into the same --out?); not replacing it: this run's result is discarded");
    }

    /**
     * An atomic rename that never replaces a folder with content (rename(2) fails on a non-empty folder); an empty one
     * that appeared in the instant since the caller checked is replaced, which loses nothing.
     */
    private static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
            throw appeared(to);
        } catch (FileSystemException e) {
            if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
                throw appeared(to);
            }
            throw e;
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

    /**
     * Moves the result folder {@code dir} (which the caller has checked with {@link FolderMarks#refusal}) out of the
     * way and deletes it: a process killed meanwhile leaves it hidden, and the next cleanup either deletes it or, if
     * nothing took its place, puts it back.
     */
    public static void discard(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        cleanStalePartials(abs.getParent());
        Path old = abs.resolveSibling(hiddenName(abs.getFileName(), "replaced"));
        Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(old.resolve(FolderMarks.PARTIAL_MARK), owner(), StandardCharsets.UTF_8);
        deleteMarked(old);
    }

    /**
     * Cleans up the hidden {@code .NAME.partial-PID-N} and {@code .NAME.replaced-PID-N} folders in {@code parent}
     * whose process is no longer alive, but only folders this tool made: those holding its partial mark (written by a
     * process on this host), a run's or sweep's own mark, or nothing at all. A user's folder that merely has such a
     * name is left alone. A replaced folder whose replacement never arrived (the process was killed in between) is put
     * back in place; every other one is deleted.
     */
    public static void cleanStalePartials(Path parent) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, ".*.{partial,replaced}-*")) {
            for (Path p : ds) {
                Matcher m = LEFTOVER.matcher(p.getFileName().toString());
                if (m.matches() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !alive(Long.parseLong(m.group(3)))
                        && ours(p)) {
                    Path original = parent.resolve(m.group(1));
                    if (m.group(2).equals("replaced") && !Files.exists(original, LinkOption.NOFOLLOW_LINKS)
                            && FolderMarks.isOurs(p)) {
                        Files.deleteIfExists(p.resolve(FolderMarks.PARTIAL_MARK));
                        Files.move(p, original, StandardCopyOption.ATOMIC_MOVE);
                    } else {
                        deleteMarked(p);
                    }
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // cleanup is opportunistic
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Whether a leftover-looking folder was made by this tool on this host (see {@link #cleanStalePartials}). */
    private static boolean ours(Path p) throws IOException {
        Path mark = p.resolve(FolderMarks.PARTIAL_MARK);
        if (Files.isRegularFile(mark, LinkOption.NOFOLLOW_LINKS)) {
            // the mark's name is ours; its content may be cut short by the kill. Another host's process may be alive.
            String[] owner = Files.readString(mark, StandardCharsets.UTF_8).trim().split(" ", 2);
            return owner.length < 2 || owner[1].equals(FolderLock.host());
        }
        return FolderMarks.isEmpty(p) || FolderMarks.isOurs(p);
    }

    /**
     * Deletes a folder of this tool so that its marks go last: a deletion cut short by a kill leaves a folder that
     * is still recognised as ours.
     */
    static void deleteMarked(Path root) throws IOException {
        List<Path> marks = List.of(root.resolve(FolderMarks.RUN_MARK), root.resolve(FolderMarks.SWEEP_MARK),
                root.resolve(FolderMarks.PARTIAL_MARK));
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                if (!p.equals(root) && !marks.contains(p)) {
                    Files.deleteIfExists(p);
                }
            }
        }
        for (Path p : marks) {
            Files.deleteIfExists(p);
        }
        Files.deleteIfExists(root);
    }

    /** Deletes {@code root} and everything in it; links are deleted, never followed. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
