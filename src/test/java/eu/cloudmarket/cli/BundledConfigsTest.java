package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: the configs ship with the tool. A bare name that is no file runs the bundled config ({@code run
 * baseline}, {@code run alibaba-lease-entry}, whose {@code extends} resolves inside the bundle), metadata.json says
 * so, and {@code scenarios --copy DIR} writes editable copies that equal configs/ byte for byte and are never
 * replaced without --force. (BundledConfigsIT checks the same from the jar, started in another folder.)
 */
class BundledConfigsTest {
    static final String[] SMALL = {"--set", "buyers.count=2000", "--set", "horizon.quarters=8", "--set",
        "horizon.truncateEvents=true", "--no-charts"};

    private static CliHarness.Result run(Path out, String config) {
        List<String> args = new java.util.ArrayList<>(List.of("run", config, "--out", out.toString()));
        args.addAll(List.of(SMALL));
        return CliHarness.run(args.toArray(new String[0]));
    }

    @Test
    void aBareNameRunsTheBundledScenarioAndMetadataSaysSo(@TempDir Path tmp) throws Exception {
        assertFalse(Files.exists(Path.of("alibaba-lease-entry")));
        CliHarness.Result r = run(tmp.resolve("a"), "alibaba-lease-entry");
        assertEquals(0, r.code(), r.err());
        JsonNode meta = new ObjectMapper().readTree(tmp.resolve("a/metadata.json").toFile());
        assertTrue(meta.path("config_bundled").asBoolean(), meta.toString());
        assertEquals("alibaba-lease-entry", meta.path("scenario").asText());

        // the same CSVs as the project file of that name
        CliHarness.Result f = run(tmp.resolve("f"), "configs/scenarios/alibaba-lease-entry.yaml");
        assertEquals(0, f.code(), f.err());
        assertFalse(new ObjectMapper().readTree(tmp.resolve("f/metadata.json").toFile()).path("config_bundled")
                .asBoolean());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("f/quarters.csv")),
                Files.readAllBytes(tmp.resolve("a/quarters.csv")));
    }

    @Test
    void anUnknownBareNameIsStillAMissingFile(@TempDir Path tmp) {
        CliHarness.Result r = run(tmp.resolve("x"), "no-such-scenario");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no-such-scenario") && r.err().contains("file not found"), r.err());
    }

    @Test
    void copyWritesTheBundleAndNeverReplacesWithoutForce(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("mine");
        CliHarness.Result r = CliHarness.run("scenarios", "--copy", dir.toString());
        assertEquals(0, r.code(), r.err());
        List<Path> originals;
        try (Stream<Path> s = Files.walk(Path.of("configs"))) {
            originals = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".csv")).toList();
        }
        assertFalse(originals.isEmpty());
        for (Path p : originals) {
            Path copy = dir.resolve(Path.of("configs").relativize(p).toString());
            assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(copy), copy.toString());
        }

        Path edited = dir.resolve("baseline.yaml");
        Files.writeString(edited, Files.readString(edited) + "\n# my edit\n");
        CliHarness.Result again = CliHarness.run("scenarios", "--copy", dir.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("--force"), again.err());
        assertTrue(Files.readString(edited).endsWith("# my edit\n"), "an edited copy was replaced");

        assertEquals(0, CliHarness.run("scenarios", "--copy", dir.toString(), "--force").code());
        assertArrayEquals(Files.readAllBytes(Path.of("configs/baseline.yaml")), Files.readAllBytes(edited));
        // a copied storyline still extends its copied baseline
        assertEquals(0, CliHarness.run("validate", dir.resolve("scenarios/alibaba-lease-entry.yaml").toString())
                .code());
    }

    @Test
    void scenariosListsTheBundleWithRunnableNames() {
        CliHarness.Result r = CliHarness.run("scenarios");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("bundled: scenarios/alibaba-lease-entry.yaml"), r.out());
        assertTrue(r.out().contains("run: java -jar cloudmarket.jar run alibaba-lease-entry"), r.out());
    }
}
