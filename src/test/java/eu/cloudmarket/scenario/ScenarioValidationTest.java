package eu.cloudmarket.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Positions in messages, reporting every problem, and YAML aliases. */
class ScenarioValidationTest {
    static final Path BASELINE = Path.of("configs/baseline.yaml").toAbsolutePath();
    final ScenarioLoader loader = new ScenarioLoader();
    /** Index of the first event a file extending the baseline adds (the baseline's events come first). */
    final int firstNew = loader.readTree(BASELINE).get("events").size();

    private List<ConfigException> problems(Path file, String... sets) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> loader.load(file, List.of(sets), null));
        if (e instanceof ConfigProblems p) {
            return p.problems();
        }
        return List.of(assertInstanceOf(ConfigException.class, e));
    }

    private static ConfigException byPath(List<ConfigException> ps, String path) {
        return ps.stream().filter(p -> path.equals(p.path())).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + path + " in " + ps));
    }

    private Path write(Path dir, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void nestedKeysBlockAndFlowListItemsAndEventsAreLocatedToTheirLineAndColumn(@TempDir Path tmp) throws Exception {
        Path f = write(tmp, "c.yaml", """
                extends: %s
                segments:
                  sme:
                    alpha: -3
                providers:
                  alibaba:
                    countries:
                      - DE
                      - XX
                    chips: [frontier, nochip]
                events:
                  - id: e1
                    at: 2025Q3
                    type: price_change
                    provider: nobody
                    product: ai
                    changePct: -10
                  - {id: e2, at: 2025Q4, type: switching_fee_change, providers: [all], egressLevel: 7}
                """.formatted(BASELINE));
        List<ConfigException> ps = problems(f);
        String name = f.toString();
        assertPosition(byPath(ps, "segments.sme.alpha"), name, 4, 5);
        assertPosition(byPath(ps, "providers.alibaba.countries.1"), name, 9, 9);
        assertPosition(byPath(ps, "providers.alibaba.chips.1"), name, 10, 23);
        assertPosition(byPath(ps, "events.0.provider"), name, 15, 5);
        assertPosition(byPath(ps, "events.1.egressLevel"), name, 18, 72);
        assertEquals(5, ps.size(), ps.toString());
    }

    @Test
    void aProblemInTheExtendedFileIsLocatedInThatFile(@TempDir Path tmp) throws Exception {
        Path parent = write(tmp, "parent.yaml", Files.readString(BASELINE).replace("  count: 20000", "  count: -4"));
        Path child = write(tmp, "child.yaml", "extends: parent.yaml\nname: child\n");
        ConfigException e = byPath(problems(child), "buyers.count");
        assertEquals(parent.toString(), e.file(), "the value was written in the parent file");
        assertTrue(e.line() > 0);
    }

    @Test
    void aValueFromSetIsBlamedOnTheOptionNotOnTheFile() {
        ConfigException e = byPath(problems(BASELINE, "segments.sme.aiShare=2"), "segments.sme.aiShare");
        assertEquals("--set segments.sme.aiShare=2", e.file());
        assertEquals(-1, e.line());
    }

    @Test
    void everyProblemIsReportedAcrossAllStagesInReadingOrder(@TempDir Path tmp) throws Exception {
        Path f = write(tmp, "many.yaml", """
                extends: %s
                market: {nestingSigma: 3, adoptionDriftPerYear: -1, costTrendPerYeer: 0.1}
                countries: {DE: 0.5}
                providers:
                  aws: {initialShare: 0.7, general: {price: -1, marginalCost: -2}}
                events:
                  - {id: x, at: 2099Q1, type: capacity_lease, provider: nobody, product: ai, amount: -1, leadQuarters: 1}
                """.formatted(BASELINE));
        List<ConfigException> ps = problems(f);
        for (String path : List.of("market.nestingSigma", "market.adoptionDriftPerYear", "market.costTrendPerYeer",
                "countries", "providers.aws.general.price", "providers.aws.general.marginalCost", "providers",
                "events.0.at", "events.0.amount")) {
            byPath(ps, path);
        }
        for (int i = 1; i < ps.size(); i++) {
            if (ps.get(i).file().equals(ps.get(i - 1).file()) && ps.get(i).line() > 0 && ps.get(i - 1).line() > 0) {
                assertTrue(ps.get(i).line() >= ps.get(i - 1).line(), "reading order: " + ps);
            }
        }
    }

    @Test
    void aliasesOfScalarsAndMappingsAreExpandedLikeTheValuesWrittenOut(@TempDir Path tmp) throws Exception {
        String base = Files.readString(BASELINE);
        String aliased = base
                .replace("    initialShare: 0.354        # [S5][S13]", "    initialShare: &share 0.354")
                .replace("    initialShare: 0.229        # [S5][S13]", "    initialShare: *share")
                .replace("    initialShare: 0.13 ", "    initialShare: 0.005 ")
                .replace("    pricing: {rule: adjust, speed: 0.3, markup: 0.6}                       # assumption,",
                        "    pricing: &pricing {rule: nash, speed: 0.3, markup: 0.6}  #")
                .replace("    pricing: {rule: adjust, speed: 0.3, markup: 0.6}\n", "    pricing: *pricing\n");
        Scenario s = loader.load(write(tmp, "aliased.yaml", aliased), List.of(), null);
        assertEquals(0.354, s.params().providers().get("azure").initialShare());
        for (String p : List.of("aws", "azure", "google", "eu", "alibaba", "other")) {
            assertEquals("NASH", s.params().providers().get(p).pricing().rule().name(), p);
        }
    }

    @Test
    void nanAndInfinityAreRefusedByKeyInFilesAndOverrides(@TempDir Path tmp) throws Exception {
        Path f = write(tmp, "nan.yaml", "extends: " + BASELINE + "\nmarket: {nestingSigma: .NaN, costTrendPerYear: -.inf}\n");
        List<ConfigException> ps = problems(f, "buyers.count=.inf");
        assertTrue(byPath(ps, "market.nestingSigma").reason().contains("finite"));
        assertTrue(byPath(ps, "market.costTrendPerYear").reason().contains("finite"));
        assertTrue(byPath(ps, "buyers.count").getMessage().startsWith("--set buyers.count=.inf"));
    }

    @Test
    void theValidBaselineLoadsWithoutProblems() {
        Scenario s = loader.load(BASELINE);
        assertEquals("baseline", s.name());
        assertEquals(firstNew, s.events().size());
    }

    private static void assertPosition(ConfigException e, String file, int line, int column) {
        assertEquals(file + ":" + line + ":" + column, e.file() + ":" + e.line() + ":" + e.column(), e.getMessage());
    }
}
