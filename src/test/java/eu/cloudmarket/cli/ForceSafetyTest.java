package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.repro.Launcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --force} replaces only what this tool wrote: never a user's folder that happens to hold a file named
 * manifest.json or metadata.json, never a link, never the current folder, and stale-folder cleanup never deletes a
 * user's folder whose name looks like a partial one. Each case hashes the user's files before and after.
 */
class ForceSafetyTest {
    static final String[] TINY_RUN = {"--set", "buyers.count=200", "--set", "horizon.quarters=4", "--set",
        "horizon.truncateEvents=true", "--no-charts"};

    /** A sweep file of two tiny runs, with its base given by absolute path so it works from any folder. */
    static Path tinySweep(Path dir) throws IOException {
        Path f = dir.resolve("two.yaml");
        Files.writeString(f, "name: two\nbase: " + Path.of("configs/baseline.yaml").toAbsolutePath() + "\n"
                + "set: {buyers.count: 200, horizon.quarters: 4, horizon.truncateEvents: true}\n"
                + "design: grid\nreplications: 2\nseed: 5\nparameters:\n"
                + "  - {path: market.nestingSigma, name: sigma, values: [0.2, 0.4]}\n"
                + "metrics: [final_share.eu]\n", StandardCharsets.UTF_8);
        return f;
    }

    static CliHarness.Result run(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "configs/baseline.yaml", "--out", out.toString()));
        args.addAll(List.of(TINY_RUN));
        args.addAll(List.of(extra));
        return CliHarness.run(args.toArray(String[]::new));
    }

    static CliHarness.Result sweep(Path sweepFile, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep", sweepFile.toString(), "--out", out.toString(),
                "--threads", "1", "--no-charts"));
        args.addAll(List.of(extra));
        return CliHarness.run(args.toArray(String[]::new));
    }

    /** A user's folder: a few files, a sub-folder, and the given extra files. */
    static Path userFolder(Path dir, Map<String, String> extra) throws IOException {
        Files.createDirectories(dir.resolve("chapters"));
        Files.writeString(dir.resolve("thesis.tex"), "\\documentclass{book}");
        Files.writeString(dir.resolve("chapters/one.tex"), "\\chapter{One}");
        for (Map.Entry<String, String> e : extra.entrySet()) {
            Files.createDirectories(dir.resolve(e.getKey()).getParent());
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
        return dir;
    }

    /** Every file and folder under {@code dir} (links not followed) with a hash of its content. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                String rel = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    m.put(rel, "link:" + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p)) {
                    m.put(rel, Integer.toHexString(java.util.Arrays.hashCode(Files.readAllBytes(p))));
                } else {
                    m.put(rel, "dir");
                }
            }
        }
        return m;
    }

    private static void assertOneLineRefusal(CliHarness.Result r, Path folder) {
        assertEquals(2, r.code(), r.out() + r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("error: ") && lines.get(0).contains(folder.toString()), r.err());
    }

    @Test
    void sweepForceKeepsAWebAppFolderThatHoldsItsOwnManifest(@TempDir Path tmp) throws Exception {
        Path app = userFolder(tmp.resolve("webapp"), Map.of("manifest.json", "{\"name\": \"My PWA\", \"icons\": []}",
                "src/app.js", "console.log(1)"));
        Map<String, String> before = snapshot(tmp);
        CliHarness.Result r = sweep(tinySweep(tmp.resolve("webapp").getParent()), app, "--force");
        assertOneLineRefusal(r, app);
        before.put("two.yaml", snapshot(tmp).get("two.yaml"));
        assertEquals(before, snapshot(tmp));
    }

    @Test
    void runForceKeepsAFolderWithAManifestButNoMetadata(@TempDir Path tmp) throws Exception {
        Path app = userFolder(tmp.resolve("webapp"), Map.of("manifest.json", "{\"name\": \"app\"}",
                "src/app.js", "console.log(1)"));
        Map<String, String> before = snapshot(tmp);
        assertOneLineRefusal(run(app, "--force"), app);
        assertEquals(before, snapshot(tmp));
    }

    @Test
    void runForceKeepsAFolderWhoseMetadataJsonIsNotThisTools(@TempDir Path tmp) throws Exception {
        Path photos = userFolder(tmp.resolve("photos"), Map.of("metadata.json", "{\"camera\": \"x\"}"));
        Map<String, String> before = snapshot(tmp);
        assertOneLineRefusal(run(photos, "--force"), photos);
        assertEquals(before, snapshot(tmp));
    }

    @Test
    void sweepForceRefusesALinkEvenToASweepFolder(@TempDir Path tmp) throws Exception {
        Path sweepFile = tinySweep(tmp);
        Path real = tmp.resolve("real");
        assertEquals(0, sweep(sweepFile, real).code());
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        Map<String, String> before = snapshot(tmp);
        assertOneLineRefusal(sweep(sweepFile, link, "--force"), link);
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals(before, snapshot(tmp));
    }

    @Test
    void runForceStillReplacesItsOwnResultAndSweepForceItsOwnSweep(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(0, run(out).code());
        CliHarness.Result again = run(out, "--force");
        assertEquals(0, again.code(), again.err());
        Path sweepFile = tinySweep(tmp);
        Path sw = tmp.resolve("sw");
        assertEquals(0, sweep(sweepFile, sw).code());
        CliHarness.Result sweptAgain = sweep(sweepFile, sw, "--force");
        assertEquals(0, sweptAgain.code(), sweptAgain.err());
        assertOneLineRefusal(run(sw, "--force"), sw); // a run does not replace a sweep
        assertOneLineRefusal(sweep(sweepFile, out, "--force"), out); // nor a sweep a run
    }

    @Test
    void staleFolderCleanupLeavesAUsersFolderThatOnlyLooksLikeALeftover(@TempDir Path tmp) throws Exception {
        Process done = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        done.waitFor();
        long dead = done.pid();
        userFolder(tmp.resolve(".mine.replaced-" + dead + "-1"), Map.of());
        userFolder(tmp.resolve(".notes.partial-" + dead + "-2"), Map.of("metadata.json", "{}"));
        Map<String, String> before = snapshot(tmp);
        assertEquals(0, run(tmp.resolve("out")).code());
        Map<String, String> after = snapshot(tmp);
        after.keySet().removeIf(k -> k.equals("out") || k.startsWith("out/"));
        assertEquals(before, after);
    }

    /**
     * {@code sweep SWEEP --out . --force} in a user's folder that has a manifest.json of its own, started in a JVM
     * whose working folder is that folder: nothing is deleted, and the refusal is one line.
     */
    @Test
    void sweepOutDotForceInAUsersFolderDeletesNothing(@TempDir Path tmp) throws Exception {
        Path thesis = userFolder(tmp.resolve("thesis"), Map.of("manifest.json", "{\"format\": \"cloudmarket-sweep/1\","
                + " \"tool\": \"cloudmarket\"}"));
        Path sweepFile = tinySweep(tmp);
        Map<String, String> before = snapshot(thesis);
        for (String out : List.of(".", thesis.toString(), "..")) {
            List<String> args = List.of("sweep", sweepFile.toString(), "--out", out, "--force", "--no-charts");
            Path log = tmp.resolve("dot.log");
            Process p = Launcher.jvm(args).directory(thesis.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            assertTrue(p.waitFor(5, TimeUnit.MINUTES));
            String output = Files.readString(log);
            assertEquals(2, p.exitValue(), out + ": " + output);
            assertEquals(1, output.lines().count(), output);
            assertEquals(before, snapshot(thesis), out);
        }
    }
}
