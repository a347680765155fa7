package eu.cloudmarket.engine.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RandomStreamsTest {
    private static double[] draw(RandomStream s, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = s.nextDouble();
        }
        return x;
    }

    @Test
    void sameKeyGivesTheSameSequence() {
        assertArrayEquals(draw(new RandomStreams(7, 0).open("choice", 3), 100),
                draw(new RandomStreams(7, 0).open("choice", 3), 100));
    }

    @Test
    void aStreamDoesNotDependOnWhichStreamsWereOpenedBeforeIt() {
        RandomStreams a = new RandomStreams(7, 2);
        double[] direct = draw(a.open("pricing", 5), 50);
        RandomStreams b = new RandomStreams(7, 2);
        for (int i = 0; i < 20; i++) {
            draw(b.open("other-" + i, i), 10);
        }
        draw(b.open("pricing", 4), 10);
        assertArrayEquals(direct, draw(b.open("pricing", 5), 50));
    }

    @Test
    void differentNamesEntitiesSeedsAndReplicationsDiffer() {
        double[] base = draw(new RandomStreams(7, 0).open("choice", 3), 20);
        assertNotEquals(base[0], draw(new RandomStreams(7, 0).open("choices", 3), 20)[0]);
        assertNotEquals(base[0], draw(new RandomStreams(7, 0).open("choice", 4), 20)[0]);
        assertNotEquals(base[0], draw(new RandomStreams(8, 0).open("choice", 3), 20)[0]);
        assertNotEquals(base[0], draw(new RandomStreams(7, 1).open("choice", 3), 20)[0]);
    }

    @Test
    void uniformsAreUniform() {
        RandomStream s = new RandomStreams(1, 0).open("test");
        int n = 200_000;
        int[] bins = new int[10];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double u = s.nextDouble();
            assertTrue(u >= 0 && u < 1);
            bins[(int) (u * 10)]++;
            sum += u;
        }
        assertEquals(0.5, sum / n, 0.005);
        double chi2 = 0;
        for (int b : bins) {
            chi2 += Math.pow(b - n / 10.0, 2) / (n / 10.0);
        }
        assertTrue(chi2 < 27.88, "chi-square with 9 df above the 0.001 critical value: " + chi2);
    }

    @Test
    void counterBasedUniformsArePureFunctions() {
        long key = new RandomStreams(5, 0).key("choice", 0);
        assertEquals(RandomStreams.uniform(key, 10, 3), RandomStreams.uniform(key, 10, 3));
        assertNotEquals(RandomStreams.uniform(key, 10, 3), RandomStreams.uniform(key, 10, 4));
        assertNotEquals(RandomStreams.uniform(key, 10, 3), RandomStreams.uniform(key, 11, 3));
    }

    @Test
    void namedDrawsConsumeExactlyTheCountersOfTheirSlots() {
        long key = new RandomStreams(5, 0).key("buyer-attributes", 0);
        DrawSlot u = DrawSlot.first("u", DrawSlot.Kind.UNIFORM);
        DrawSlot z = u.then("z", DrawSlot.Kind.NORMAL);
        DrawSlot w = z.then("w", DrawSlot.Kind.UNIFORM);
        assertEquals(1, z.first());
        assertEquals(3, w.first());
        assertTrue(!u.overlaps(z) && !z.overlaps(w) && z.overlaps(new DrawSlot("x", DrawSlot.Kind.UNIFORM, 2)));
        assertEquals(RandomStreams.uniform(key, 7, 0), RandomStreams.uniform(key, 7, u));
        double u1 = RandomStreams.uniform(key, 7, 1);
        double u2 = RandomStreams.uniform(key, 7, 2);
        assertEquals(Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2), RandomStreams.normal(key, 7, z));
        assertEquals(RandomStreams.uniform(key, 7, 3), RandomStreams.uniform(key, 7, w));
        assertThrows(IllegalArgumentException.class, () -> RandomStreams.normal(key, 7, u));
        assertThrows(IllegalArgumentException.class, () -> RandomStreams.uniform(key, 7, z));
    }

    @Test
    void streamsRefuseReseeding() {
        RandomStream s = new RandomStreams(1, 0).open("x");
        assertThrows(UnsupportedOperationException.class, () -> s.setSeed(3L));
        assertThrows(IllegalArgumentException.class, () -> new RandomStreams(1, -1));
    }
}
