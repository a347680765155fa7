package eu.cloudmarket.analysis;

/**
 * One box of a PRIM trajectory: its limits and how well it describes the cases of interest.
 *
 * @param lower      lower limit of each dimension (points with x ≥ lower are inside)
 * @param upper      upper limit of each dimension (points with x ≤ upper are inside)
 * @param coverage   cases of interest inside / all cases of interest
 * @param density    cases of interest inside / points inside
 * @param mass       points inside / all points
 * @param restricted dimensions whose limits cut off part of the data's range
 */
public record PrimBox(double[] lower, double[] upper, double coverage, double density, double mass, int restricted) {
    /** Whether dimension {@code j} is narrower than the data's range {@code [min, max]}. */
    public boolean restricts(int j, double min, double max) {
        return lower[j] > min || upper[j] < max;
    }
}
