package eu.cloudmarket.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SweepExecutorTest {
    private static SweepPlan plan(int cells, int reps) {
        List<ParameterValue> values = new java.util.ArrayList<>();
        for (int i = 0; i < cells; i++) {
            values.add(ParameterValue.integer(i));
        }
        return new SweepPlan("t", new GridDesign(List.of(SweepParameter.values("x", "x", values))), reps, 1,
                List.of(), List.of("final_share.eu"), null);
    }

    private static Map<Integer, String> execute(SweepPlan plan, int threads) throws Exception {
        Map<Integer, String> out = new TreeMap<>();
        SweepExecutor.Result r = new SweepExecutor(plan, threads).execute(id -> true, spec -> {
            if (spec.cell() == 2 && spec.replication() == 1) {
                throw new IllegalStateException("boom\nsecond line");
            }
            Thread.sleep((spec.runId() * 7) % 5);
            return new double[] {spec.cell() * 10 + spec.replication()};
        }, o -> out.put(o.spec().runId(), o.ok() ? Double.toString(o.metrics()[0]) : o.error()),
                SweepExecutor.Listener.NONE);
        assertEquals(plan.totalRuns(), r.done());
        assertEquals(1, r.failedCount());
        assertTrue(r.failed().get(2 * plan.replications() + 1));
        return out;
    }

    @Test
    void aFailingRunIsRecordedWithAOneLineErrorAndTheOthersFinish() throws Exception {
        Map<Integer, String> out = execute(plan(4, 3), 2);
        assertEquals(12, out.size());
        assertEquals("IllegalStateException: boom second line", out.get(7));
        assertEquals("31.0", out.get(10));
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() throws Exception {
        SweepPlan p = plan(6, 4);
        assertEquals(execute(p, 1), execute(p, 3));
    }

    @Test
    void onlySelectedRunsAreExecutedAndProgressCountsThem() throws Exception {
        SweepPlan p = plan(5, 2);
        int[] last = new int[2];
        SweepExecutor.Result r = new SweepExecutor(p, 2).execute(id -> id % 3 == 0, spec -> new double[] {1},
                o -> assertEquals(0, o.spec().runId() % 3), (o, done, failed, total) -> {
                    last[0] = done;
                    last[1] = total;
                });
        assertEquals(4, r.total());
        assertEquals(4, last[0]);
        assertEquals(4, last[1]);
        assertNull(new RunOutcome(p.run(0), new double[] {1}, null).error());
    }
}
