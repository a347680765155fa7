package eu.cloudmarket.properties;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import eu.cloudmarket.scenario.ConfigException;
import eu.cloudmarket.scenario.ConfigProblems;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: a valid configuration with one invalidating mutation (a non-finite number, a wrong type, an unknown key,
 * an out-of-range value, a bad reference, a missing key, a duplicate event id) is always refused with a
 * ConfigException or ConfigProblems whose every message names a reason, and never with another exception.
 */
class InvalidConfigPropertiesTest {
    static final int TRIES = 300;
    private static final ScenarioLoader LOADER = new ScenarioLoader();

    static Stream<PropertyRuns.Try> tries() {
        return PropertyRuns.tries(TRIES, 0xBAD5EEDL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tries")
    void aMutatedConfigIsRefusedAsBadInput(PropertyRuns.Try t) {
        ConfigGenerator.Mutant m = ConfigGenerator.invalid(t.random());
        try {
            LOADER.load(m.tree(), "mutant", List.of(), null);
            fail(t + ": accepted although mutated: " + m.mutation());
        } catch (ConfigException e) {
            check(t, m, List.of(e));
        } catch (ConfigProblems p) {
            check(t, m, p.problems());
        } catch (RuntimeException e) {
            throw new AssertionError(t + ": " + m.mutation() + " ended in " + e + " instead of a config problem", e);
        }
    }

    private static void check(PropertyRuns.Try t, ConfigGenerator.Mutant m, List<ConfigException> problems) {
        assertFalse(problems.isEmpty(), t + ": no problems listed for " + m.mutation());
        for (ConfigException e : problems) {
            assertTrue(e.reason() != null && !e.reason().isBlank(), t + ": empty reason for " + m.mutation());
            assertFalse(e.getMessage().contains("\n"), t + ": multi-line message " + e.getMessage());
        }
    }
}
