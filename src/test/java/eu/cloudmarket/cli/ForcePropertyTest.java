package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random command lines ({@code run} or {@code sweep}, with or without {@code --force} and {@code --resume})
 * whose {@code --out} points at the sandbox itself, its parent, a user's folder holding a random manifest.json or
 * metadata.json, a link, a file, an empty folder, a previous result of this tool, or a new name, in a sandbox full of
 * user files: no file the tool did not write is ever deleted or changed. Every user file is hashed before and after.
 */
class ForcePropertyTest {
    static final long SEED = Long.getLong("cloudmarket.force.seed", 20250224L);
    static final int CASES = Integer.getInteger("cloudmarket.force.cases", 150);
    static final List<String> TARGETS = List.of("sandbox", "parent", "docs", "link", "notes.txt", "empty", "prev-run",
            "prev-sweep", "new", "new/deeper");
    static final List<String> FAKE_MARKS = List.of("{}", "{\"name\": \"app\", \"icons\": []}", "not json at all",
            "{\"format\": \"cloudmarket-sweep/1\"}", "{\"format\": \"cloudmarket-sweep/1\", \"tool\": \"cloudmarket\"}",
            "{\"format\": \"cloudmarket-sweep/1\", \"tool\": \"cloudmarket\", \"plan_sha256\": \"xyz\"}",
            "{\"tool\": \"cloudmarket\", \"version\": \"1.0\"}", "{\"tool\": \"cloudmarket\", \"scenario\": \"b\"}",
            "{\"tool\": \"other\", \"version\": \"1\", \"scenario\": \"b\", \"config_sha256\": \"" + "0".repeat(64)
                    + "\"}", "[1, 2, 3]");

    @TempDir
    static Path shared;
    static Path prevRun;
    static Path prevSweep;
    static Path sweepFile;

    @BeforeAll
    static void previousResults() throws IOException {
        sweepFile = ForceSafetyTest.tinySweep(shared);
        prevRun = shared.resolve("prev-run");
        prevSweep = shared.resolve("prev-sweep");
        assertEquals(0, ForceSafetyTest.run(prevRun).code());
        assertEquals(0, ForceSafetyTest.sweep(sweepFile, prevSweep).code());
    }

    @Test
    void noUserFileIsEverDeletedOrChanged(@TempDir Path root) throws Exception {
        Random random = new Random(SEED);
        Process done = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        done.waitFor();
        for (int c = 0; c < CASES; c++) {
            Path parent = Files.createDirectories(root.resolve("case" + c));
            Path sandbox = parent.resolve("sandbox");
            userFiles(random, parent, sandbox, done.pid());
            String target = TARGETS.get(random.nextInt(TARGETS.size()));
            Path out = switch (target) {
                case "sandbox" -> sandbox;
                case "parent" -> parent;
                default -> sandbox.resolve(target);
            };
            boolean sweep = random.nextBoolean();
            List<String> flags = new ArrayList<>();
            int mode = random.nextInt(sweep ? 3 : 2);
            if (mode == 1) {
                flags.add("--force");
            } else if (mode == 2) {
                flags.add("--resume");
            }
            Map<String, String> before = ForceSafetyTest.snapshot(parent);
            CliHarness.Result r = sweep ? ForceSafetyTest.sweep(sweepFile, out, flags.toArray(String[]::new))
                    : ForceSafetyTest.run(out, flags.toArray(String[]::new));
            String context = "case " + c + " (seed " + SEED + "): " + (sweep ? "sweep" : "run") + " --out " + target
                    + " " + flags + " -> exit " + r.code() + " " + r.err();
            assertTrue(r.code() == 0 || r.code() == 2, context);
            Map<String, String> after = ForceSafetyTest.snapshot(parent);
            for (Map.Entry<String, String> e : before.entrySet()) {
                String rel = e.getKey();
                if (!toolWritten(rel, target, r.code() == 0)) {
                    assertEquals(e.getValue(), after.get(rel), context + ": user file " + rel + " changed or deleted");
                }
            }
        }
    }

    /** Whether {@code rel} (relative to the case folder) was written by this tool, so it may be replaced. */
    private static boolean toolWritten(String rel, String target, boolean succeeded) {
        boolean inPrevious = rel.startsWith("sandbox/prev-run") || rel.startsWith("sandbox/prev-sweep");
        boolean inTarget = succeeded && (target.equals("empty") || target.startsWith("new"))
                && rel.startsWith("sandbox/" + target);
        return inPrevious && succeeded && rel.startsWith("sandbox/" + target) || inTarget;
    }

    /** A sandbox full of user files, with random fake marks, a link, a file, an empty folder and two results. */
    private static void userFiles(Random random, Path parent, Path sandbox, long deadPid) throws IOException {
        Files.writeString(parent.resolve("other.txt"), "beside the sandbox " + random.nextLong());
        Path docs = Files.createDirectories(sandbox.resolve("docs/chapters"));
        Files.writeString(sandbox.resolve("docs/thesis.tex"), "thesis " + random.nextLong());
        Files.writeString(docs.resolve("one.tex"), "chapter " + random.nextLong());
        Files.writeString(sandbox.resolve("notes.txt"), "notes " + random.nextLong());
        Files.createDirectories(sandbox.resolve("empty"));
        Files.createSymbolicLink(sandbox.resolve("link"), random.nextBoolean() ? docs.getParent()
                : shared.resolve("prev-sweep"));
        for (Path dir : List.of(sandbox, sandbox.resolve("docs"))) {
            if (random.nextBoolean()) {
                Files.writeString(dir.resolve("manifest.json"), FAKE_MARKS.get(random.nextInt(FAKE_MARKS.size())));
            }
            if (random.nextBoolean()) {
                Files.writeString(dir.resolve("metadata.json"), FAKE_MARKS.get(random.nextInt(FAKE_MARKS.size())));
            }
        }
        if (random.nextBoolean()) {
            Path lookalike = Files.createDirectories(sandbox.resolve((random.nextBoolean() ? ".new.replaced-"
                    : ".new.partial-") + deadPid + "-1"));
            Files.writeString(lookalike.resolve("mine.txt"), "mine");
        }
        copy(prevRun, sandbox.resolve("prev-run"));
        copy(prevSweep, sandbox.resolve("prev-sweep"));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
