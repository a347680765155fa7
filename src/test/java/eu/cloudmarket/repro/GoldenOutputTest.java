package eu.cloudmarket.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import eu.cloudmarket.cli.CliHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden outputs: the SHA-256 of every CSV, {@code config.yaml}, {@code estimates.yaml} and {@code manifest.json}
 * that the baseline, every storyline in {@code configs/scenarios}, the 2017 history, a small sweep and a two-shard
 * merge of it write, compared with the hashes recorded in {@code src/test/resources/golden/hashes.txt}.
 *
 * <p>This is the proof that a restructuring moved only code: any change to a number, a column, a row order or a
 * format shows up here. A change that is meant to change results updates the recorded hashes in the same commit and
 * says why; rerun with {@code mvn -Dtest=GoldenOutputTest -Dgolden.update=true test} to rewrite the file, then review
 * its diff. Sweeps run on one thread so that their journals are written in run order.
 */
class GoldenOutputTest {
    static final Path HASHES = Path.of("src/test/resources/golden/hashes.txt");
    static final String SWEEP = "src/test/resources/golden/golden-sweep.yaml";
    /** Small runs: the hashes guard the code path, not the statistics, so a few thousand buyers suffice. */
    static final List<String> SMALL = List.of("--set", "buyers.count=2000", "--no-charts");

    @Test
    void everyOutputHashesAsRecorded(@TempDir Path tmp) throws Exception {
        Map<String, String> actual = new TreeMap<>();
        for (String config : configs()) {
            String name = Path.of(config).getFileName().toString().replace(".yaml", "");
            Path out = tmp.resolve("run-" + name);
            List<String> args = new ArrayList<>(List.of("run", config, "--out", out.toString()));
            args.addAll(SMALL);
            cli(args);
            hashInto(actual, "run/" + name, out);
        }
        Path sweep = tmp.resolve("sweep");
        cli(List.of("sweep", SWEEP, "--out", sweep.toString(), "--threads", "1", "--no-charts"));
        hashInto(actual, "sweep", sweep);
        Path sharded = tmp.resolve("sharded");
        for (String shard : List.of("1/2", "2/2")) {
            cli(List.of("sweep", SWEEP, "--out", sharded.toString(), "--shard", shard, "--threads", "1",
                    "--no-charts"));
        }
        cli(List.of("merge", sharded.toString(), "--no-charts"));
        hashInto(actual, "merge", sharded);

        if (Boolean.getBoolean("golden.update")) {
            write(actual);
            return;
        }
        compare(read(), actual);
    }

    /** The baseline, the history and every storyline, in a fixed order. */
    private static List<String> configs() throws IOException {
        List<String> configs = new ArrayList<>(List.of("configs/baseline.yaml", "configs/history-2017.yaml"));
        try (Stream<Path> s = Files.list(Path.of("configs/scenarios"))) {
            s.map(Path::toString).filter(p -> p.endsWith(".yaml")).sorted().forEach(configs::add);
        }
        return configs;
    }

    private static void cli(List<String> args) {
        CliHarness.Result r = CliHarness.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), String.join(" ", args) + " failed:\n" + r.err());
    }

    /** Hashes every CSV, config.yaml and manifest.json under {@code dir}, keyed by case and relative path. */
    private static void hashInto(Map<String, String> hashes, String caseName, Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (rel.endsWith(".csv") || rel.equals("config.yaml") || rel.equals("estimates.yaml")
                        || rel.equals("manifest.json")) {
                    hashes.put(caseName + "/" + rel, sha256(Files.readAllBytes(p)));
                }
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read() throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        for (String line : Files.readAllLines(HASHES, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.trim().split("\\s+");
                hashes.put(parts[1], parts[0]);
            }
        }
        return hashes;
    }

    private static void write(Map<String, String> hashes) throws IOException {
        StringBuilder sb = new StringBuilder("# SHA-256 of the golden outputs (GoldenOutputTest); regenerate with\n"
                + "# mvn -Dtest=GoldenOutputTest -Dgolden.update=true test, and say in the commit why they changed.\n");
        hashes.forEach((file, hash) -> sb.append(hash).append("  ").append(file).append('\n'));
        Files.writeString(HASHES, sb.toString(), StandardCharsets.UTF_8);
    }

    /** Fails listing every file that is new, missing or different, not just the first. */
    private static void compare(Map<String, String> expected, Map<String, String> actual) {
        List<String> problems = new ArrayList<>();
        expected.forEach((file, hash) -> {
            String got = actual.get(file);
            if (got == null) {
                problems.add("missing: " + file);
            } else if (!got.equals(hash)) {
                problems.add("changed: " + file);
            }
        });
        actual.keySet().stream().filter(f -> !expected.containsKey(f)).forEach(f -> problems.add("new: " + f));
        if (!problems.isEmpty()) {
            fail(problems.size() + " golden outputs differ from " + HASHES + ":\n  " + String.join("\n  ", problems));
        }
    }
}
