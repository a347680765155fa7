package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    static final String BASELINE = "configs/baseline.yaml";
    static final String[] SMALL = {"--set", "buyers.count=3000", "--set", "horizon.quarters=16", "--set",
        "horizon.truncateEvents=true", "--no-charts"};

    private static CliHarness.Result run(Path out, String seed, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", BASELINE, "--out", out.toString()));
        if (seed != null) {
            args.addAll(List.of("--seed", seed));
        }
        args.addAll(List.of(extra));
        return CliHarness.run(args.toArray(new String[0]));
    }

    @Test
    void sameSeedGivesByteIdenticalCsvsAndAnotherSeedChangesBuyerOutcomes(@TempDir Path tmp) throws Exception {
        assertEquals(0, run(tmp.resolve("a"), "11", SMALL).code());
        assertEquals(0, run(tmp.resolve("b"), "11", SMALL).code());
        assertEquals(0, run(tmp.resolve("c"), "12", SMALL).code());
        for (String f : List.of("quarters.csv", "events.csv", "segments.csv", "welfare.csv", "flows.csv")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)),
                    Files.readAllBytes(tmp.resolve("b").resolve(f)), f + " differs between identical runs");
        }
        assertNotEquals(Files.readString(tmp.resolve("a/quarters.csv")), Files.readString(tmp.resolve("c/quarters.csv")),
                "a different seed must change buyer outcomes");
        assertNotEquals(Files.readString(tmp.resolve("a/flows.csv")), Files.readString(tmp.resolve("c/flows.csv")));
    }

    @Test
    void aFullBaselineRunLeavesEveryPromisedFileAndReadableCharts(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("base");
        CliHarness.Result r = run(out, null);
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("config.yaml", "metadata.json", "quarters.csv", "events.csv", "segments.csv",
                "welfare.csv", "flows.csv", "codebook.csv", "charts/market_share.png", "charts/prices.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        for (String png : List.of("charts/market_share.png", "charts/prices.png")) {
            BufferedImage img = ImageIO.read(out.resolve(png).toFile());
            assertTrue(img.getWidth() >= 1600 && img.getHeight() >= 1000, png + " too small");
        }
        List<String> q = Files.readAllLines(out.resolve("quarters.csv"));
        assertEquals(1 + 40 * 6, q.size(), "one row per quarter and provider");
        assertTrue(q.get(1).startsWith("2025Q1,0,aws,"));
        String config = Files.readString(out.resolve("config.yaml"), StandardCharsets.UTF_8);
        assertTrue(config.contains("seed: 20250101"), "resolved config records the seed");
        String meta = Files.readString(out.resolve("metadata.json"));
        for (String key : List.of("version", "git_commit", "seed", "java_version", "wall_time_s", "config_sha256")) {
            assertTrue(meta.contains("\"" + key + "\""), key);
        }
        assertTrue(Files.readAllLines(out.resolve("events.csv")).size() > 3, "dated events fired");
    }

    @Test
    void anExistingOutputFolderIsNotOverwritten(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("keep");
        Files.createDirectories(out);
        Files.writeString(out.resolve("precious.txt"), "mine");
        CliHarness.Result r = run(out, "1", SMALL);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("already exists"), r.err());
        assertEquals("mine", Files.readString(out.resolve("precious.txt")));
    }

    private static void assertCleanFailure(CliHarness.Result r, Path tmp, String... needles) throws Exception {
        assertEquals(2, r.code(), r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), "one-line message expected, got: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        for (String n : needles) {
            assertTrue(err.contains(n), "message should mention '" + n + "': " + err);
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(tmp.resolve("config.yaml")).size(),
                    s.filter(p -> !p.getFileName().toString().endsWith(".yaml")).count() + 1,
                    "no result folder may be left behind");
        }
    }

    @Test
    void aMissingConfigFileIsABadInput(@TempDir Path tmp) throws Exception {
        CliHarness.Result r = CliHarness.run("run", tmp.resolve("nope.yaml").toString(), "--out",
                tmp.resolve("out").toString());
        assertCleanFailure(r, tmp, "nope.yaml", "not found");
    }

    @Test
    void anUnknownKeyIsABadInputNamingTheKeyAndASuggestion(@TempDir Path tmp) throws Exception {
        Path cfg = tmp.resolve("config.yaml");
        Files.writeString(cfg, Files.readString(Path.of(BASELINE)).replace("  count: 20000", "  cuont: 20000"));
        CliHarness.Result r = CliHarness.run("run", cfg.toString(), "--out", tmp.resolve("out").toString());
        assertCleanFailure(r, tmp, "config.yaml", "buyers.cuont", "unknown key", "count");
    }

    @Test
    void aNegativePriceIsABadInputNamingTheKeyAndTheReason(@TempDir Path tmp) throws Exception {
        Path cfg = tmp.resolve("config.yaml");
        Files.writeString(cfg, Files.readString(Path.of(BASELINE))
                .replace("general: {price: 1.00, marginalCost: 0.58", "general: {price: -1.00, marginalCost: 0.58"));
        CliHarness.Result r = CliHarness.run("run", cfg.toString(), "--out", tmp.resolve("out").toString());
        assertCleanFailure(r, tmp, "config.yaml", "providers.aws.general.price", ">= 0");
    }

    @Test
    void helpAndVersionWork() {
        CliHarness.Result help = CliHarness.run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("run"));
        CliHarness.Result version = CliHarness.run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("cloudmarket "));
        CliHarness.Result runHelp = CliHarness.run("run", "--help");
        assertTrue(runHelp.out().contains("--set"));
    }

    @Test
    void setOverridesByDottedPathAndRejectsUnknownPaths(@TempDir Path tmp) throws Exception {
        CliHarness.Result ok = run(tmp.resolve("ok"), "3", "--set", "buyers.count=1500", "--set", "horizon.quarters=6",
                "--set", "providers.aws.pricing.rule=nash", "--set", "horizon.truncateEvents=true", "--no-charts");
        assertEquals(0, ok.code(), ok.err());
        assertEquals(1 + 6 * 6, Files.readAllLines(tmp.resolve("ok/quarters.csv")).size());
        assertTrue(Files.readString(tmp.resolve("ok/config.yaml")).contains("count: 1500"));
        CliHarness.Result bad = run(tmp.resolve("bad"), "3", "--set", "provders.aws.pricing.rule=nash");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("providers"), bad.err());
        assertFalse(Files.exists(tmp.resolve("bad")));
    }
}
