package eu.cloudmarket.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything that determines a sweep's runs: the design, the replications, the master seed, the fixed overrides
 * applied to every run, the metrics to record and the optional reference scenario for paired differences.
 *
 * <p>Run ids: run {@code cell * replications + r} is replication r of cell {@code cell}; when a reference is set, its
 * replications follow as runs {@code cells * replications + r}. Replication r of every cell and of the reference uses
 * the random streams of {@code RandomStreams(masterSeed, r)} (common random numbers), so the differences between
 * cells at the same r are paired. Shard I of N (1-based) holds the run ids with {@code runId mod N = I - 1}.
 */
public final class SweepPlan {
    /**
     * Most runs of one sweep: ten times the million-run cluster sweeps the tool is built for. More is almost
     * certainly a mistake in the sweep file, and the journal index of a resume or merge holds 17 bytes per run
     * (170 MB at this limit, within a default heap).
     */
    public static final long MAX_RUNS = 10_000_000L;

    private final String name;
    private final Design design;
    private final int replications;
    private final long masterSeed;
    private final List<String> fixedOverrides;
    private final List<String> metrics;
    private final List<String> referenceOverrides;

    /**
     * @param name               sweep name (names the default result folder)
     * @param design             the cells
     * @param replications       replications per cell, >= 1
     * @param masterSeed         master seed of every run
     * @param fixedOverrides     {@code key=value} overrides applied to every run before the cell's values
     * @param metrics            resolved metric names (see {@link Metrics})
     * @param referenceOverrides overrides of the reference scenario, or null for no reference
     */
    public SweepPlan(String name, Design design, int replications, long masterSeed, List<String> fixedOverrides,
            List<String> metrics, List<String> referenceOverrides) {
        this.name = Objects.requireNonNull(name, "name");
        this.design = Objects.requireNonNull(design, "design");
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, was " + replications);
        }
        this.replications = replications;
        this.masterSeed = masterSeed;
        this.fixedOverrides = List.copyOf(fixedOverrides);
        this.metrics = List.copyOf(metrics);
        if (this.metrics.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one metric");
        }
        this.referenceOverrides = referenceOverrides == null ? null : List.copyOf(referenceOverrides);
        long runs = (long) (design.cells() + (hasReference() ? 1 : 0)) * replications;
        if (runs > MAX_RUNS) {
            throw new IllegalArgumentException("the sweep has " + runs + " runs, more than " + MAX_RUNS);
        }
    }

    public String name() {
        return name;
    }

    public Design design() {
        return design;
    }

    public List<SweepParameter> parameters() {
        return design.parameters();
    }

    public int cells() {
        return design.cells();
    }

    public int replications() {
        return replications;
    }

    public long masterSeed() {
        return masterSeed;
    }

    public List<String> fixedOverrides() {
        return fixedOverrides;
    }

    public List<String> metrics() {
        return metrics;
    }

    public boolean hasReference() {
        return referenceOverrides != null;
    }

    /** The reference scenario's own overrides (applied after the fixed ones); empty when there is no reference. */
    public List<String> referenceOverrides() {
        return referenceOverrides == null ? List.of() : referenceOverrides;
    }

    /** Number of runs, reference runs included. */
    public int totalRuns() {
        return (cells() + (hasReference() ? 1 : 0)) * replications;
    }

    /** The first run id of the reference runs (equal to {@link #totalRuns()} without a reference). */
    public int firstReferenceRun() {
        return cells() * replications;
    }

    /** The run with id {@code runId}. */
    public RunSpec run(int runId) {
        if (runId < 0 || runId >= totalRuns()) {
            throw new IndexOutOfBoundsException("run " + runId + " of " + totalRuns());
        }
        int cell = runId / replications;
        int r = runId % replications;
        List<String> overrides = new ArrayList<>(fixedOverrides);
        if (cell == cells()) {
            overrides.addAll(referenceOverrides);
            return new RunSpec(runId, RunSpec.REFERENCE, r, List.of(), overrides);
        }
        List<ParameterValue> values = design.cell(cell);
        for (int d = 0; d < values.size(); d++) {
            overrides.add(parameters().get(d).path() + "=" + values.get(d).yaml());
        }
        return new RunSpec(runId, cell, r, values, overrides);
    }

    /** The 1-based shard of {@code runId} among {@code shards} shards: {@code runId mod shards + 1}. */
    public static int shardOf(int runId, int shards) {
        return runId % shards + 1;
    }

    /** Number of runs in shard {@code shard} of {@code shards}. */
    public int runsInShard(int shard, int shards) {
        int n = totalRuns();
        int first = shard - 1;
        return first >= n ? 0 : (n - 1 - first) / shards + 1;
    }
}
