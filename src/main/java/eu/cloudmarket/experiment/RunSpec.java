package eu.cloudmarket.experiment;

import java.util.List;

/**
 * One run of a sweep: cell {@code cell} (or the reference scenario) in replication {@code replication}, built from
 * the base scenario with {@code overrides} applied in order and run with the sweep's master seed.
 *
 * @param runId       position in the sweep, {@code cell * replications + replication}; reference runs follow the cells
 * @param cell        cell number, or {@link #REFERENCE} for a run of the reference scenario
 * @param replication replication index r: the run uses the random streams {@code RandomStreams(masterSeed, r)}
 * @param values      the cell's parameter values (empty for reference runs)
 * @param overrides   {@code key=value} overrides, in order: the sweep's fixed ones, then the cell's (or the
 *                    reference's)
 */
public record RunSpec(int runId, int cell, int replication, List<ParameterValue> values, List<String> overrides) {
    /** The cell number of reference runs. */
    public static final int REFERENCE = -1;

    public RunSpec {
        values = List.copyOf(values);
        overrides = List.copyOf(overrides);
    }

    public boolean isReference() {
        return cell == REFERENCE;
    }

    /** The cell id as written in result files: the cell number, or {@code ref}. */
    public String cellId() {
        return isReference() ? "ref" : Integer.toString(cell);
    }
}
