package eu.cloudmarket.experiment;

import java.util.List;

/**
 * An experimental design: which combinations of parameter values (cells) a sweep runs. Cells are numbered from 0 and
 * computed on demand from their number, so a design of any size takes memory independent of the number of runs
 * (the Latin hypercube keeps one permutation per dimension).
 */
public interface Design {
    /** The design's name in sweep files and manifests: grid, random, lhs or sobol. */
    String kind();

    /** The varied parameters, in the sweep file's order (the column order of the result files). */
    List<SweepParameter> parameters();

    /** Number of cells. */
    int cells();

    /** The parameter values of cell {@code c}, one per parameter. */
    List<ParameterValue> cell(int c);
}
