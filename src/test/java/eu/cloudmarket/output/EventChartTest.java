package eu.cloudmarket.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventChartTest {
    private static Table events(String... quarters) {
        List<List<String>> rows = new ArrayList<>();
        for (String q : quarters) {
            rows.add(List.of("0", q, "price_change", "aws", "", "", "scenario"));
        }
        rows.add(List.of("0", "2026Q1", "ai_demand_shock", "all", "", "", "stochastic"));
        return new Table(List.of("time_quarters", "quarter", "type", "target", "parameters", "description", "origin"),
                rows);
    }

    @Test
    void eventsOfOneQuarterShareAMarkerAndClusteredLabelsNeverOverlap() {
        String[] qs = {"2025Q2", "2025Q2", "2025Q2", "2025Q3", "2025Q3", "2025Q3", "2025Q3", "2025Q3", "2025Q3",
            "2025Q3", "2025Q4", "2025Q4", "2026Q1", "2026Q1", "2026Q2", "2026Q3", "2026Q4", "2026Q4", "2027Q1",
            "2027Q2", "2027Q2", "2027Q3"};
        EventChart fig = (EventChart) EventChart.of(ChartWriterTest.sample(), FigureSize.FULL_TALL, events(qs));
        List<EventChart.Group> groups = fig.groups();
        assertEquals(10, groups.size(), "one marker per quarter with scenario events (stochastic ones are not marked)");
        assertEquals("1–3", groups.get(0).label());
        assertEquals("4–10", groups.get(1).label());
        assertEquals("15", groups.get(4).label());
        ChartWriter.toImage(fig, 72);
        List<Rectangle2D> boxes = fig.labelBounds();
        assertEquals(groups.size(), boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            Rectangle2D a = boxes.get(i);
            assertTrue(a.getMinX() >= 0 && a.getMaxX() <= fig.size().widthPt() && a.getMinY() >= 0,
                    "label " + groups.get(i).label() + " inside the figure: " + a);
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(a.intersects(boxes.get(j)), "labels " + groups.get(i).label() + " and "
                        + groups.get(j).label() + " overlap: " + a + " / " + boxes.get(j));
            }
        }
    }

    @Test
    void aTallKeyMakesTheFigureTaller() {
        String[] many = new String[40];
        for (int i = 0; i < many.length; i++) {
            many[i] = TimeAxis.label(2025 + (i / 4) / 4.0);
        }
        Figure fig = EventChart.of(ChartWriterTest.sample(), FigureSize.FULL_TALL, events(many));
        assertTrue(fig.size().heightCm() > FigureSize.FULL_TALL.heightCm());
        assertEquals(17.0, fig.size().widthCm());
    }

    @Test
    void theKeyListsThirtyEventsThenCountsTheRestSoTheHeightIsBounded() {
        String[] many = new String[10_000];
        for (int i = 0; i < many.length; i++) {
            many[i] = TimeAxis.label(2025 + (i % 40) / 4.0);
        }
        Figure all = EventChart.of(ChartWriterTest.sample(), FigureSize.FULL_TALL, events(many));
        Figure justOverTheLimit = EventChart.of(ChartWriterTest.sample(), FigureSize.FULL_TALL,
                events(java.util.Arrays.copyOf(many, EventChart.MAX_KEY_EVENTS + 1)));
        assertEquals(justOverTheLimit.size().heightCm(), all.size().heightCm(), 1e-9,
                "10,000 events take no more room than 31");
        assertTrue(all.size().heightCm() < 40, "height " + all.size().heightCm() + " cm");
        List<EventChart.Group> groups = ((EventChart) all).groups();
        assertEquals(EventChart.MAX_KEY_EVENTS, groups.get(groups.size() - 1).last(),
                "only the listed events are numbered above the plot");
        assertTrue(ChartWriter.toImage(all, 72).getHeight() < 1200);
    }
}
