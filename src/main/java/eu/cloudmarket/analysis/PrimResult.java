package eu.cloudmarket.analysis;

import java.util.List;

/**
 * What PRIM found.
 *
 * @param dimensions the input columns' names
 * @param min        each dimension's smallest value in the data
 * @param max        each dimension's largest value in the data
 * @param peeling    the peeling trajectory: box 0 is the whole data, each later box one peel narrower
 * @param chosen     the index in {@code peeling} of the box that was chosen and then pasted
 * @param box        the chosen box after pasting
 * @param quasiP     per dimension, the quasi-p-value of the box's restriction on it (NaN where it restricts nothing)
 */
public record PrimResult(List<String> dimensions, double[] min, double[] max, List<PrimBox> peeling, int chosen,
        PrimBox box, double[] quasiP) {
}
