package eu.cloudmarket.repro;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The reproducible content of a result folder: every file's bytes, except charts (images) and the run's provenance in
 * {@code metadata.json}, whose wall time, source path and overrides legitimately differ between identical runs.
 * Compare two with {@link #assertSameAs}. Sweep tests can take the same snapshot of a sweep cell's folder.
 */
public record RunOutputs(Map<String, byte[]> files) {
    /** Files that are not compared byte for byte. */
    static final Set<String> NOT_COMPARED = Set.of("metadata.json");

    /** Reads every file under {@code dir} except charts and {@link #NOT_COMPARED}. */
    public static RunOutputs of(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith("charts/") || NOT_COMPARED.contains(rel)) {
                    continue;
                }
                files.put(rel, Files.readAllBytes(p));
            }
        }
        return new RunOutputs(files);
    }

    /** Only the CSV tables. */
    public RunOutputs csvOnly() {
        Map<String, byte[]> csv = new TreeMap<>();
        files.forEach((k, v) -> {
            if (k.endsWith(".csv")) {
                csv.put(k, v);
            }
        });
        return new RunOutputs(csv);
    }

    /** Fails naming the first file and line that differ. */
    public void assertSameAs(RunOutputs other, String what) {
        if (!files.keySet().equals(other.files.keySet())) {
            fail(what + ": different files: " + files.keySet() + " vs " + other.files.keySet());
        }
        for (var e : files.entrySet()) {
            byte[] a = e.getValue();
            byte[] b = other.files.get(e.getKey());
            if (!Arrays.equals(a, b)) {
                fail(what + ": " + e.getKey() + " differs: " + firstDifference(a, b));
            }
        }
        if (files.isEmpty()) {
            fail(what + ": nothing to compare");
        }
    }

    private static String firstDifference(byte[] a, byte[] b) {
        String[] la = new String(a, StandardCharsets.UTF_8).split("\n", -1);
        String[] lb = new String(b, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.min(la.length, lb.length); i++) {
            if (!la[i].equals(lb[i])) {
                return "line " + (i + 1) + ":\n  " + la[i] + "\n  " + lb[i];
            }
        }
        return "lengths " + la.length + " and " + lb.length + " lines";
    }
}
