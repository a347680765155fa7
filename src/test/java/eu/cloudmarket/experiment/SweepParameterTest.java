package eu.cloudmarket.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepParameterTest {
    @Test
    void canonicalNumbersRoundTripAndDoNotShowBinaryNoise() {
        assertEquals("0.3", ParameterValue.canonical(0.1 + 0.2));
        assertEquals("2", ParameterValue.canonical(2.0));
        assertEquals("0", ParameterValue.canonical(-0.0));
        assertEquals("-1.25", ParameterValue.canonical(-1.25));
        assertEquals("10000000000", ParameterValue.canonical(1e10));
        assertEquals("0.0000012345", ParameterValue.canonical(1.2345e-6));
        assertEquals("0.3333333333", ParameterValue.canonical(1.0 / 3));
        assertThrows(IllegalArgumentException.class, () -> ParameterValue.canonical(Double.NaN));
    }

    @Test
    void integerUniformGivesEveryWholeNumberTheSameChance() {
        SweepParameter p = SweepParameter.uniform("buyers.count", "n", 1, 4, true);
        int[] hits = new int[5];
        int n = 4000;
        for (int i = 0; i < n; i++) {
            hits[Integer.parseInt(p.at((i + 0.5) / n).text())]++;
        }
        for (int v = 1; v <= 4; v++) {
            assertEquals(1000, hits[v], "value " + v);
        }
    }

    @Test
    void distributionsStayInTheirRangeAndHitTheirQuantiles() {
        SweepParameter lu = SweepParameter.logUniform("x", "x", 1, 100, false);
        assertEquals("10", lu.at(0.5).text());
        assertEquals("1", lu.at(0).text());
        SweepParameter nt = SweepParameter.normal("x", "x", 0, 1, -1, 1, false);
        assertEquals("0", nt.at(0.5).text());
        for (int i = 0; i < 100; i++) {
            double v = Double.parseDouble(nt.at(i / 100.0).text());
            assertTrue(v >= -1 && v <= 1, "in truncation range: " + v);
        }
        SweepParameter n = SweepParameter.normal("x", "x", 10, 2, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, false);
        assertEquals(10 + 2 * 1.959963985, Double.parseDouble(n.at(0.975).text()), 1e-6);
        SweepParameter choice = SweepParameter.values("x", "x", List.of(new ParameterValue("nash", "\"nash\""),
                new ParameterValue("markup", "\"markup\"")));
        assertEquals("nash", choice.at(0.49).text());
        assertEquals("markup", choice.at(0.5).text());
    }

    @Test
    void badRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SweepParameter.uniform("x", "x", 2, 1, false));
        assertThrows(IllegalArgumentException.class, () -> SweepParameter.logUniform("x", "x", 0, 1, false));
        assertThrows(IllegalArgumentException.class, () -> SweepParameter.uniform("x", "x", 0.2, 0.8, true));
        assertThrows(IllegalArgumentException.class, () -> SweepParameter.normal("x", "x", 0, 0, -1, 1, false));
    }
}
