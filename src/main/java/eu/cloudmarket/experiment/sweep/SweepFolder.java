package eu.cloudmarket.experiment.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.cloudmarket.output.FolderLock;
import eu.cloudmarket.output.FolderMarks;
import eu.cloudmarket.output.ResultFolder;
import eu.cloudmarket.scenario.ConfigException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The layout of a sweep folder, and the one place that decides what may be done with one: created, resumed, or
 * replaced with {@code --force}.
 *
 * <pre>
 * manifest.json                     the plan (design, parameters, seeds, runs; no times, so every shard agrees)
 * runs.journal.csv                  runs finished by a single-machine sweep, appended durably as they finish
 * shards/shard-I-of-N.journal.csv   the same, for shard I of N
 * runs.csv  cells.csv  codebook.csv built from the journals, sorted by run id / cell id, by sweep or merge
 * charts/                           sweep charts drawn from cells.csv
 * metadata.json                     provenance of the last sweep or merge (tool version, wall time, threads)
 * .lock  shards/.shard-I-of-N.lock  held by the process writing the sweep (or that shard); "pid host" inside
 * </pre>
 *
 * The rules: a folder is a sweep folder when its {@code manifest.json} is a cloudmarket sweep manifest
 * ({@link FolderMarks#isSweepFolder}); a sweep folder is only ever continued by the sweep of the same plan, and by one
 * process at a time (per shard); {@code --force} deletes a sweep folder (or, for one shard, only that shard's journal)
 * that no process holds, but never a link, the current folder or any folder that is not a sweep folder
 * ({@link FolderMarks#refusal}); anything else is refused with a {@link ConfigException} or
 * {@link FolderLock.HeldException} that says what to do instead.
 */
public final class SweepFolder {
    public static final String FORMAT = FolderMarks.SWEEP_FORMAT;
    public static final String MANIFEST = "manifest.json";
    public static final String JOURNAL = "runs.journal.csv";
    public static final String SHARDS = "shards";
    public static final String RUNS = "runs.csv";
    public static final String CELLS = "cells.csv";
    public static final String CODEBOOK = "codebook.csv";
    public static final String METADATA = "metadata.json";
    /** The lock file of a single-machine sweep and of a merge. */
    static final String LOCK = ".lock";
    private static final String SHARD_LOCKS = ".shard-*-of-*.lock";
    static final Pattern SHARD_FILE = Pattern.compile("shard-(\\d+)-of-(\\d+)\\.journal\\.csv");

    private SweepFolder() {
    }

    /** The journal of shard {@code shard} of {@code shards}. */
    public static Path shardJournal(Path dir, int shard, int shards) {
        return dir.resolve(SHARDS).resolve("shard-" + shard + "-of-" + shards + ".journal.csv");
    }

    /** The journal a sweep (or one shard of it) appends to. */
    static Path ownJournal(Path dir, Shard shard) {
        return shard == null ? dir.resolve(JOURNAL) : shardJournal(dir, shard.index(), shard.count());
    }

    /** The lock file held while {@code shard} (or, if null, the whole sweep or a merge) writes into {@code dir}. */
    static Path lockFile(Path dir, Shard shard) {
        return shard == null ? dir.resolve(LOCK)
                : dir.resolve(SHARDS).resolve(".shard-" + shard.index() + "-of-" + shard.count() + ".lock");
    }

    /**
     * Makes {@code dir} ready for {@code sweep} (or for one shard of it) and locks it for this process. Without a
     * shard: an existing folder is continued only with {@code resume}, and replaced with {@code force} only as
     * {@link FolderMarks#refusal} allows and while no process holds it. With a shard, the folder is shared with the
     * other shards: it is created or checked, and only this shard's journal is subject to {@code resume} and
     * {@code force}.
     *
     * @return the lock, to be held until the sweep (or shard) has finished writing
     * @throws FolderLock.HeldException if another process holds the folder (or this shard)
     */
    static FolderLock prepareForSweep(Path dir, Sweep sweep, Shard shard, boolean resume, boolean force)
            throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        if (shard == null && Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (force) {
                replace(dir);
            } else if (!resume) {
                throw new ConfigException(dir.toString(), null, "already exists; add --resume to continue that sweep,"
                        + " or --force to start it again from scratch");
            }
        }
        if (Files.exists(manifest)) {
            checkManifest(dir, sweep);
        } else if (Files.exists(dir) && !isEmptyDir(dir) && shard == null) {
            throw new ConfigException(dir.toString(), null, "exists and is not a sweep folder (no " + MANIFEST + ")");
        } else {
            create(dir, sweep);
        }
        if (shard != null) {
            Files.createDirectories(dir.resolve(SHARDS));
        }
        FolderLock lock = FolderLock.acquire(dir, lockFile(dir, shard));
        try {
            if (shard != null) {
                prepareShardJournal(dir, shard, resume, force);
            }
            return lock;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Deletes the sweep folder {@code dir} for {@code --force}, if {@link FolderMarks#refusal} allows it and no
     * process (sweep, shard or merge) holds it; an empty folder is simply used.
     */
    private static void replace(Path dir) throws IOException {
        String refusal = FolderMarks.refusal(dir, FolderMarks.Kind.SWEEP);
        if (refusal != null) {
            throw new ConfigException(dir.toString(), null, refusal + "; not deleting it");
        }
        if (isEmptyDir(dir)) {
            return;
        }
        List<FolderLock> held = new ArrayList<>();
        try {
            held.add(FolderLock.acquire(dir, lockFile(dir, null)));
            if (Files.isDirectory(dir.resolve(SHARDS), LinkOption.NOFOLLOW_LINKS)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.resolve(SHARDS), SHARD_LOCKS)) {
                    for (Path lock : ds) {
                        held.add(FolderLock.acquire(dir, lock));
                    }
                }
            }
            ResultFolder.discard(dir);
        } finally {
            for (FolderLock lock : held) {
                lock.close();
            }
        }
    }

    private static void prepareShardJournal(Path dir, Shard shard, boolean resume, boolean force) throws IOException {
        Path own = ownJournal(dir, shard);
        if (Files.exists(own) && !resume) {
            if (!force) {
                throw new ConfigException(own.toString(), null, "already exists; add --resume to continue this"
                        + " shard, or --force to run it again from scratch");
            }
            Files.delete(own);
        }
    }

    /**
     * Makes {@code dir} ready for the batch scripts of {@code sweep}: a folder of the same sweep is kept (its results
     * too), one of another sweep is deleted only with {@code force} (as for a sweep), and a folder that is not a sweep
     * folder is never used.
     */
    public static void prepareForScripts(Path dir, Sweep sweep, boolean force) throws IOException {
        if (Files.exists(dir.resolve(MANIFEST))) {
            try {
                checkManifest(dir, sweep);
                return; // the same sweep: keep its results
            } catch (ConfigException e) {
                if (!force) {
                    throw e;
                }
                replace(dir);
            }
        } else if (Files.isDirectory(dir) && !isEmptyDir(dir)) {
            throw new ConfigException(dir.toString(), null, "exists and is not a sweep folder (no " + MANIFEST
                    + "); choose another --out");
        }
        create(dir, sweep);
    }

    private static void create(Path dir, Sweep sweep) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(dir.resolve(MANIFEST), sweep.manifestBytes());
    }

    /** Refuses a folder whose manifest belongs to another plan. */
    static void checkManifest(Path dir, Sweep sweep) throws IOException {
        JsonNode existing;
        try {
            existing = readManifest(dir);
        } catch (IOException e) {
            throw new ConfigException(dir.resolve(MANIFEST).toString(), null, e.getMessage());
        }
        String planSha = existing.get("plan_sha256").asText();
        if (!sweep.planSha().equals(planSha)) {
            throw new ConfigException(dir.toString(), null, "holds a different sweep (the sweep file, its base scenario"
                    + " or its overrides changed since it started: plan " + planSha.substring(0, 12) + " vs "
                    + sweep.planSha().substring(0, 12) + "); use another --out, or --force to start again");
        }
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Reads manifest.json of a sweep folder. */
    static JsonNode readManifest(Path dir) throws IOException {
        Path f = dir.resolve(MANIFEST);
        JsonNode m = new ObjectMapper().readTree(f.toFile());
        if (m == null || !m.isObject() || !FORMAT.equals(m.path("format").asText())) {
            throw new IOException(f + " is not a cloudmarket sweep manifest (format " + FORMAT + ")");
        }
        for (String k : List.of("plan_sha256", "cells", "replications", "runs", "master_seed", "parameters",
                "metrics")) {
            if (!m.hasNonNull(k)) {
                throw new IOException(f + ": missing '" + k + "'");
            }
        }
        return m;
    }

    /** Every journal in a sweep folder: the single-machine one and all shard journals, in a fixed order. */
    static List<Path> journals(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.exists(dir.resolve(JOURNAL))) {
            out.add(dir.resolve(JOURNAL));
        }
        Path shards = dir.resolve(SHARDS);
        if (Files.isDirectory(shards)) {
            TreeMap<String, Path> sorted = new TreeMap<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(shards, "shard-*-of-*.journal.csv")) {
                for (Path p : ds) {
                    Matcher mt = SHARD_FILE.matcher(p.getFileName().toString());
                    if (mt.matches()) {
                        sorted.put(String.format("%012d-%012d", Long.parseLong(mt.group(2)),
                                Long.parseLong(mt.group(1))), p);
                    }
                }
            }
            out.addAll(sorted.values());
        }
        return out;
    }

    /** Renames a finished temporary file into place, atomically where the file system allows. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes bytes to a file through a temporary sibling and an atomic rename. */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime());
        Files.write(tmp, bytes);
        move(tmp, target);
    }
}
