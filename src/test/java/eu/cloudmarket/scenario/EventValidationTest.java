package eu.cloudmarket.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.cli.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 3, acceptance 3: an event that references an unknown provider, segment, country or chip tier, or is dated
 * outside the horizon, fails at load with exit code 2 and a message naming the event and the field.
 */
class EventValidationTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown provider|{at: 2025Q3, type: price_change, provider: amazon, product: ai, changePct: 5}|events.0.provider|unknown provider 'amazon'",
        "unknown segment|{at: 2025Q3, type: sovereignty_shock, targetOrigin: US, deltaBeta: {publik: 0.5}, halfLifeQuarters: 4}|events.0.deltaBeta|unknown segment 'publik'",
        "unknown country|{at: 2025Q3, type: market_access_exclusion, country: XX, provider: alibaba}|events.0.country|unknown country 'XX'",
        "procurement rule, unknown segment|{at: 2026Q2, type: procurement_rule, segments: [publik], maxExposureUs: 0}|events.0.segments|unknown segment 'publik'",
        "procurement rule, exposure above 1|{at: 2026Q2, type: procurement_rule, segments: [public], maxExposureUs: 2}|events.0.maxExposureUs|must be in [0.0, 1.0], was 2.0",
        "unknown chip tier|{at: 2025Q3, type: export_control_change, tier: b200, targetOrigin: CN, licenceProbability: 0, levy: 0}|events.0.tier|unknown chip tier 'b200'",
        "before the horizon|{at: 2024Q4, type: switching_fee_change, providers: [all], egressLevel: 0}|events.0.at|outside the horizon",
        "after the horizon|{at: 2040-01-01, type: switching_fee_change, providers: [all], egressLevel: 0}|events.0.at|outside the horizon",
        "malformed date|{at: 2025-13-01, type: switching_fee_change, providers: [all], egressLevel: 0}|events.0.at|neither a quarter",
        "unknown type|{at: 2025Q3, type: price_chnage, provider: aws, product: ai, changePct: -5}|events.0.type|did you mean 'price_change'",
    })
    void badEventReferencesFailAtLoad(String name, String event, String key, String reason) throws Exception {
        Path cfg = tmp.resolve("bad.yaml");
        Files.writeString(cfg, "extends: " + Path.of("configs/baseline.yaml").toAbsolutePath() + "\nevents:\n  - "
                + event + "\n");
        Path out = tmp.resolve("out");
        CliHarness.Result r = CliHarness.run("run", cfg.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(key), "names the event field " + key + ": " + err);
        assertTrue(err.contains(reason), "gives the reason: " + err);
        assertTrue(err.contains("bad.yaml"), "names the file: " + err);
        assertFalse(Files.exists(out));
    }
}
