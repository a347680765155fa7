package eu.cloudmarket.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.engine.random.DrawSlot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * No two draws of a buyer consume the same underlying counter-based uniform (issue 23): every (stream, slot) a buyer
 * draws is mapped to the counters of {@code RandomStreams.uniform(key, buyerId, counter)} it consumes, and within a
 * stream the counters must be disjoint. The layout before issue 23 (normal slot b on counters 2b and 2b+1, uniform
 * slot s on counter s, choice attempts at 16·quarter + attempt) is kept as a negative case.
 */
class DrawSlotsTest {
    /** Quarters of choice draws enumerated: longer than any configured horizon. */
    private static final int QUARTERS = 400;
    /** Attempts of one renewal: the first draw and one per provider rationing it (at most 100 providers, Roster). */
    private static final int ATTEMPTS = 101;

    /** A draw and the underlying counters it consumes. */
    record Draw(String name, long[] counters) {
        static Draw of(DrawSlot slot) {
            long[] c = new long[(int) (slot.end() - slot.first())];
            for (int k = 0; k < c.length; k++) {
                c[k] = slot.first() + k;
            }
            return new Draw(slot.name(), c);
        }
    }

    /** The pairs of draws of one stream that share a counter, as "a/b", sorted. */
    static List<String> collisions(List<Draw> draws) {
        Map<Long, String> owner = new HashMap<>();
        TreeSet<String> out = new TreeSet<>();
        for (Draw d : draws) {
            for (long c : d.counters()) {
                String prev = owner.putIfAbsent(c, d.name());
                if (prev != null && !prev.equals(d.name())) {
                    out.add(prev + "/" + d.name());
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** Every draw of a buyer, by stream, in the current layout. */
    static Map<String, List<Draw>> currentLayout() {
        Map<String, List<Draw>> m = new LinkedHashMap<>();
        m.put(DrawSlots.ATTRIBUTE_STREAM, DrawSlots.ATTRIBUTES.stream().map(Draw::of).toList());
        m.put(DrawSlots.INITIAL_CHOICE_STREAM, List.of(Draw.of(DrawSlots.INITIAL_CHOICE)));
        List<Draw> choices = new ArrayList<>();
        for (int k = 0; k < QUARTERS; k++) {
            for (int a = 0; a < ATTEMPTS; a++) {
                choices.add(new Draw("q" + k + "a" + a, new long[] {DrawSlots.choice(k, a)}));
            }
        }
        m.put(DrawSlots.CHOICE_STREAM, choices);
        return m;
    }

    /** The layout before issue 23, as RandomStreams mapped it then. */
    static Map<String, List<Draw>> layoutBeforeIssue23() {
        Map<String, List<Draw>> m = new LinkedHashMap<>();
        m.put("buyer-attributes", List.of(oldUniform("country", 0), oldNormal("alpha", 1), oldNormal("switching", 2),
                oldNormal("data-intensity", 3), oldNormal("workload", 4), oldUniform("renewal-offset", 5),
                oldUniform("first-renewal", 6)));
        m.put("initial-choice", List.of(oldUniform("initial-choice", 0)));
        List<Draw> choices = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            for (int a = 0; a < ATTEMPTS; a++) {
                choices.add(new Draw("q" + k + "a" + a, new long[] {16L * k + a}));
            }
        }
        m.put("choice", choices);
        return m;
    }

    private static Draw oldUniform(String name, long slot) {
        return new Draw(name, new long[] {slot});
    }

    private static Draw oldNormal(String name, long slot) {
        return new Draw(name, new long[] {2 * slot, 2 * slot + 1});
    }

    @Test
    void noTwoDrawsOfABuyerShareAnUnderlyingUniform() {
        for (var e : currentLayout().entrySet()) {
            assertEquals(List.of(), collisions(e.getValue()), "stream " + e.getKey());
        }
    }

    @Test
    void theLayoutBeforeIssue23SharedUniforms() {
        Map<String, List<Draw>> old = layoutBeforeIssue23();
        assertEquals(List.of("data-intensity/first-renewal", "switching/renewal-offset"),
                collisions(old.get("buyer-attributes")));
        assertEquals(List.of(), collisions(old.get("initial-choice")));
        // With more than 15 providers the last attempts of quarter 0 drew the first ones of quarter 1.
        assertTrue(collisions(old.get("choice")).contains("q0a16/q1a0"));
    }

    @Test
    void attributeSlotsAreNamedOnce() {
        assertEquals(DrawSlots.ATTRIBUTES.size(),
                DrawSlots.ATTRIBUTES.stream().map(DrawSlot::name).distinct().count());
    }
}
