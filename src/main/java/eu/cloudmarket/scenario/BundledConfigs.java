package eu.cloudmarket.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The configs shipped inside the jar (the project's configs/ folder, copied by the build), read in place as paths of
 * the jar's file system, so {@code extends: ../baseline.yaml} in a bundled scenario resolves inside the bundle. Run
 * from class folders (tests, an IDE) the bundle is the copy in the class folder.
 */
public final class BundledConfigs {
    /** The bundle's folder inside the jar or class folder. */
    static final String ROOT = "configs";
    /** Sub-folders searched for a bundled name, after the top level. */
    private static final List<String> FOLDERS = List.of("", "scenarios", "sweeps");
    /** What {@link #copyTo} copies: the configs, and the calibration files with their targets (for calibrate). */
    private static final List<String> COPIED = List.of("", "scenarios", "sweeps", "calibration");
    private static final String YAML = ".yaml";

    private BundledConfigs() {
    }

    /** The bundle's root folder; fails only when the jar was built without it. */
    public static Path root() {
        URL marker = BundledConfigs.class.getResource("/" + ROOT + "/baseline" + YAML);
        if (marker == null) {
            throw new IllegalStateException("the bundled configs are missing from the jar (rebuild it with mvn package)");
        }
        try {
            URI uri = marker.toURI();
            return pathOf(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the bundled configs: " + e.getMessage(), e);
        }
    }

    /** A URI's path, opening the jar's file system on first use (the JDK keeps it open for the process). */
    private static Path pathOf(URI uri) throws IOException {
        if (!"jar".equals(uri.getScheme())) {
            return Path.of(uri);
        }
        try {
            return Path.of(uri);
        } catch (FileSystemNotFoundException e) {
            // opened once and left open: bundled paths are used until the process ends
            open(uri);
            return Path.of(uri);
        }
    }

    private static FileSystem open(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        }
    }

    /**
     * The bundled config a bare name means ({@code baseline}, {@code alibaba-lease-entry.yaml}, {@code quick}),
     * looked up in configs/, configs/scenarios/ and configs/sweeps/; empty for a name with a folder part or no match.
     */
    public static Optional<Path> find(String name) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            return Optional.empty();
        }
        String file = name.endsWith(YAML) ? name : name + YAML;
        Path root = root();
        for (String folder : FOLDERS) {
            Path p = folder.isEmpty() ? root.resolve(file) : root.resolve(folder).resolve(file);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The config a command-line argument names: the file when it exists, else the bundled config of that bare name,
     * else the argument unchanged (whose reader then reports it missing).
     */
    public static Path resolve(Path given) {
        if (Files.exists(given) || given.getNameCount() != 1) {
            return given;
        }
        return find(given.toString()).orElse(given);
    }

    /** Whether {@code p} is a bundled config rather than a file the user named. */
    public static boolean isBundled(Path p) {
        Path root = root();
        return p.getFileSystem().equals(root.getFileSystem()) && p.toAbsolutePath().normalize().startsWith(root);
    }

    /** The bundled scenarios: configs/*.yaml, then configs/scenarios/*.yaml, each sorted by name. */
    public static List<Path> scenarios() throws IOException {
        Path root = root();
        List<Path> out = new ArrayList<>(yamlFiles(root));
        out.addAll(yamlFiles(root.resolve("scenarios")));
        return out;
    }

    /** The YAML files directly in {@code dir}, sorted by name; none if it is not a folder. */
    public static List<Path> yamlFiles(Path dir) throws IOException {
        return filesEndingWith(dir, List.of(YAML));
    }

    /** The YAML and CSV files directly in {@code dir}, sorted by name; none if it is not a folder. */
    private static List<Path> copiedFiles(Path dir) throws IOException {
        return filesEndingWith(dir, List.of(YAML, ".csv"));
    }

    private static List<Path> filesEndingWith(Path dir, List<String> suffixes) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> suffixes.stream().anyMatch(p.getFileName().toString()::endsWith))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
    }

    /** The path of a bundled file relative to the bundle's root, with '/' separators ({@code scenarios/x.yaml}). */
    public static String relativeName(Path bundled) {
        return root().relativize(bundled.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /**
     * Writes editable copies of every bundled config into {@code dir}, in the bundle's layout (so {@code extends}
     * still resolves). Refuses, before writing anything, when a file would be replaced and {@code force} is not set.
     *
     * @return the files written, relative to {@code dir}
     */
    public static List<String> copyTo(Path dir, boolean force) throws IOException {
        List<String> names = new ArrayList<>();
        Path root = root();
        for (String folder : COPIED) {
            for (Path f : copiedFiles(folder.isEmpty() ? root : root.resolve(folder))) {
                names.add(relativeName(f));
            }
        }
        if (!force) {
            for (String n : names) {
                Path target = dir.resolve(n);
                if (Files.exists(target)) {
                    throw new FileAlreadyExistsException(target.toString(), null,
                            "exists; add --force to replace the copies, or copy into another folder");
                }
            }
        }
        for (String n : names) {
            Path target = dir.resolve(n);
            Files.createDirectories(target.getParent());
            Files.copy(root.resolve(n), target, StandardCopyOption.REPLACE_EXISTING);
        }
        return names;
    }
}
