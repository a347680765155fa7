package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of the malformed-input corpus ({@code src/test/resources/bad/cases.tsv}): each must end with its
 * exit code and message, print no stack trace (every line of stderr is an {@code error:} or {@code usage:} line),
 * and leave no results folder behind, neither at {@code --out}, nor beside it (hidden partial folders), nor under
 * {@code results/}.
 */
class BadInputCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/bad");
    static final Path BASELINE = Path.of("configs/baseline.yaml");

    /** One line of the manifest. */
    record Case(String id, int exit, List<String> expected, String args, String setup) {
        @Override
        public String toString() {
            return id;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("cases.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            cases.add(new Case(f[0], Integer.parseInt(f[1]), List.of(f[2].split("&&")), f[3],
                    f.length > 4 ? f[4] : ""));
        }
        return cases.stream();
    }

    @Test
    void theCorpusHasAtLeastFortyCasesWithUniqueIdsAndItsFilesAreAllUsed() throws IOException {
        List<Case> all = cases().toList();
        assertTrue(all.size() >= 40, "corpus size " + all.size());
        assertEquals(all.size(), all.stream().map(Case::id).distinct().count(), "duplicate case ids");
        Set<String> unused = new TreeSet<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("cases.tsv")).forEach(unused::add);
        }
        all.forEach(c -> unused.removeIf(n -> c.args().contains("{bad}/" + n)));
        unused.removeIf(n -> n.startsWith("52-extends-circular-b")); // reached through 52-extends-circular-a
        assertEquals(Set.of(), unused, "corpus files no case uses");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachMalformedInputFailsCleanly(Case c, @TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        setUp(c.setup(), tmp, out);
        Set<String> tmpBefore = listing(tmp);
        Set<String> resultsBefore = listing(Path.of("results"));

        String[] args = expand(c.args(), tmp, out);
        CliHarness.Result r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliHarness.run(args));
        String all = r.err() + r.out();

        assertEquals(c.exit(), r.code(), c.id() + ": exit code; output:\n" + all);
        for (String needle : c.expected()) {
            assertTrue(contains(all, needle), c.id() + ": expected '" + needle + "' in:\n" + all);
        }
        assertNoStackTrace(c.id(), r);
        if (c.setup().equals("existing-out")) {
            assertEquals(Set.of("precious.txt"), listing(out), "the existing folder must be left as it was");
            assertEquals("mine", Files.readString(out.resolve("precious.txt")));
        } else {
            assertFalse(Files.exists(out), c.id() + ": left a result folder at --out");
        }
        assertEquals(tmpBefore, listing(tmp), c.id() + ": left something beside --out (a partial folder?)");
        assertEquals(resultsBefore, listing(Path.of("results")), c.id() + ": left something under results/");
        Files.deleteIfExists(tmp.resolve("locked.yaml")); // may be a link to /proc/self/mem: remove it, not its target
    }

    /** Substring match, where {N} in the needle stands for any list index (e.g. events.{N}.at). */
    static boolean contains(String haystack, String needle) {
        if (!needle.contains("{N}")) {
            return haystack.contains(needle);
        }
        String regex = java.util.Arrays.stream(needle.split("\\{N}", -1)).map(java.util.regex.Pattern::quote)
                .collect(java.util.stream.Collectors.joining("\\d+"));
        return java.util.regex.Pattern.compile(regex).matcher(haystack).find();
    }

    /** Stack traces are for --verbose only: stderr holds error:/usage: lines (and validate's summary), nothing else. */
    static void assertNoStackTrace(String id, CliHarness.Result r) {
        String all = r.err() + r.out();
        assertFalse(all.contains("\tat ") || all.contains("Caused by:") || all.contains("Exception"),
                id + ": looks like a stack trace or exception name:\n" + all);
        for (String line : r.err().split("\n")) {
            assertTrue(line.isEmpty() || line.startsWith("error: ") || line.startsWith("usage: ")
                    || line.startsWith("validate: "), id + ": unexpected stderr line: " + line);
        }
    }

    @Test
    void anAliasBombIsRefusedWithinTwoSeconds() {
        CliHarness.run("validate", BASELINE.toString()); // warm up class loading so that only the check is timed
        long t0 = System.nanoTime();
        CliHarness.Result r = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> CliHarness.run("validate", CORPUS.resolve("11-alias-bomb.yaml").toString()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(2, r.code(), r.err());
        assertTrue(seconds < 2, "alias bomb took " + seconds + " s");
    }

    @Test
    void aWideAliasExpansionIsCappedEvenWithFewAliases(@TempDir Path tmp) throws IOException {
        // 15 aliases, but each copies a list of 20,000 values: refused by the value budget, not by the alias count.
        StringBuilder big = new StringBuilder("lol: &big [");
        for (int i = 0; i < 20_000; i++) {
            big.append(i == 0 ? "" : ",").append(i);
        }
        big.append("]\nmore: [").append(String.join(",", java.util.Collections.nCopies(15, "*big"))).append("]\n");
        Path f = tmp.resolve("wide.yaml");
        Files.writeString(f, big);
        CliHarness.Result r = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> CliHarness.run("validate", f.toString()));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("values (after expanding YAML aliases): refused"), r.err());
    }

    private static String[] expand(String args, Path tmp, Path out) {
        List<String> list = new ArrayList<>();
        for (String a : args.trim().split(" +")) {
            if (a.isEmpty()) {
                continue;
            }
            list.add(a.replace("{bad}", CORPUS.toString()).replace("{base}", BASELINE.toString())
                    .replace("{out}", out.toString()).replace("{tmp}", tmp.toString()));
        }
        return list.toArray(new String[0]);
    }

    private static void setUp(String setup, Path tmp, Path out) throws IOException, InterruptedException {
        switch (setup) {
            case "", "no-out" -> {
            }
            case "existing-out" -> {
                Files.createDirectories(out);
                Files.writeString(out.resolve("precious.txt"), "mine");
            }
            case "unreadable" -> {
                Path locked = tmp.resolve("locked.yaml");
                Files.copy(BASELINE, locked);
                Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
                if (Files.isReadable(locked)) {
                    // Running as root, permissions do not stop reading: use a file whose read fails instead.
                    Files.delete(locked);
                    Assumptions.assumeTrue(Files.exists(Path.of("/proc/self/mem")), "no unreadable file available");
                    Files.createSymbolicLink(locked, Path.of("/proc/self/mem"));
                }
            }
            case "fifo" -> {
                Path pipe = tmp.resolve("pipe.yaml");
                Process p;
                try {
                    p = new ProcessBuilder("mkfifo", pipe.toString()).redirectErrorStream(true).start();
                } catch (IOException e) {
                    Assumptions.abort("mkfifo not available");
                    return;
                }
                Assumptions.assumeTrue(p.waitFor() == 0 && Files.exists(pipe), "mkfifo failed");
            }
            case "huge" -> {
                byte[] line = "# padding padding padding padding padding padding padding padding padding\n"
                        .getBytes(StandardCharsets.US_ASCII);
                try (var os = Files.newOutputStream(tmp.resolve("huge.yaml"))) {
                    for (long written = 0; written <= 9L * 1024 * 1024; written += line.length) {
                        os.write(line);
                    }
                }
            }
            case "parent-is-file" -> Files.writeString(tmp.resolve("plain-file"), "not a folder");
            default -> throw new IllegalArgumentException("unknown setup " + setup);
        }
    }

    static Set<String> listing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
