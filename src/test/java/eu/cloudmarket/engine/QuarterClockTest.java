package eu.cloudmarket.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class QuarterClockTest {
    @Test
    void labelsCountQuartersFromTheStart() {
        QuarterClock c = QuarterClock.startingAt("2025Q1");
        assertEquals("2025Q1", c.label(0));
        assertEquals("2025Q4", c.label(3));
        assertEquals("2026Q1", c.label(4));
        assertEquals("2034Q4", c.label(39));
        assertEquals("2024Q4", c.label(-1));
        assertEquals("2025Q3", c.labelAt(2.7));
        assertEquals(9, c.indexOf("2027Q2"));
    }

    @Test
    void datesMapInsideTheirQuarter() {
        QuarterClock c = QuarterClock.startingAt("2025Q1");
        assertEquals(5.0, c.timeOf(LocalDate.of(2026, 4, 1)), 1e-12);
        double t = c.timeOf(LocalDate.of(2025, 6, 10));
        assertEquals(1, (int) Math.floor(t));
        assertEquals((30 + 31 + 9) / 91.0, t - 1, 1e-12);
    }

    @Test
    void rejectsMalformedLabels() {
        assertThrows(IllegalArgumentException.class, () -> QuarterClock.startingAt("2025Q5"));
        assertThrows(IllegalArgumentException.class, () -> QuarterClock.startingAt("25Q1"));
        assertThrows(IllegalArgumentException.class, () -> QuarterClock.startingAt(null));
    }
}
