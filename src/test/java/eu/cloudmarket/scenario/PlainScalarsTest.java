package eu.cloudmarket.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * YAML 1.1 reads some scalars as something other than what they look like: {@code 01000} as octal 512, {@code 0x10}
 * as 16, {@code 1_000} as 1000, {@code NO} as false. Numbers must be plain decimals and only true/false are booleans.
 */
class PlainScalarsTest {
    static final Path BASELINE = Path.of("configs/baseline.yaml").toAbsolutePath();
    final ScenarioLoader loader = new ScenarioLoader();

    private Path config(Path dir, String body) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "extends: " + BASELINE + "\nname: plain\n" + body);
        return f;
    }

    private ConfigException refusal(Path file) {
        return assertInstanceOf(ConfigException.class,
                assertThrows(RuntimeException.class, () -> loader.load(file, List.of(), null)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "01000   | leading zeros are not allowed (YAML would read the number as octal); write 1000",
        "0x10    | hexadecimal numbers are not allowed; write 16",
        "0b101   | binary numbers are not allowed; write 5",
        "1_000   | digit separators ('_') are not allowed in numbers; write 1000",
        "1:20    | expected a whole number, found '1:20'"})
    void aWholeNumberThatIsNotAPlainDecimalIsRefusedAtItsLine(String written, String reason, @TempDir Path tmp)
            throws Exception {
        Path f = config(tmp, "buyers:\n  count: " + written + "\n");
        ConfigException e = refusal(f);
        assertEquals("buyers.count", e.path());
        assertEquals(4, e.line());
        assertEquals(reason, e.reason());
        assertTrue(e.getMessage().startsWith(f + ":4:"), e.getMessage());
    }

    @Test
    void aFractionWithDigitSeparatorsIsRefused(@TempDir Path tmp) throws Exception {
        ConfigException e = refusal(config(tmp, "market:\n  nestingSigma: 0.3_5\n"));
        assertEquals("market.nestingSigma", e.path());
        assertEquals("digit separators ('_') are not allowed in numbers; write 0.35", e.reason());
    }

    @Test
    void aSetOverrideWithALeadingZeroIsRefusedToo() throws Exception {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> loader.load(BASELINE, List.of("buyers.count=01000"), null));
        assertTrue(e.getMessage().contains("leading zeros are not allowed"), e.getMessage());
    }

    @Test
    void norwayStaysNorwayAndYesStaysText(@TempDir Path tmp) throws Exception {
        Scenario s = loader.load(config(tmp, """
                description: no
                countries:
                  NORDICS: 0.04
                  NO: 0.04
                providers:
                  alibaba:
                    countries: [DE, UK, NO]
                """), List.of(), null);
        assertEquals("no", s.description());
        assertEquals(List.of("DE", "UK", "NO"), s.params().providers().get("alibaba").countries());
        assertTrue(s.params().countries().containsKey("NO"));
    }

    @Test
    void yesForTrueOrFalseIsRefusedWithAHint(@TempDir Path tmp) throws Exception {
        ConfigException e = refusal(config(tmp, "horizon:\n  truncateEvents: yes\n"));
        assertEquals("horizon.truncateEvents", e.path());
        assertEquals("expected true or false, found 'yes' (yes, no, on and off are read as text; write true or false)",
                e.reason());
    }

    @Test
    void plainNumbersAndTrueFalseStillRead(@TempDir Path tmp) throws Exception {
        Scenario s = loader.load(config(tmp, "buyers:\n  count: +1000\nhorizon:\n  truncateEvents: True\n"),
                List.of(), null);
        assertEquals(1000, s.params().buyerCount());
    }
}
