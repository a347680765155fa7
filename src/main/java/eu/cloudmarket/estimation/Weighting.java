package eu.cloudmarket.estimation;

/**
 * The weighting of the moments in the objective Q(θ) = g'Wg.
 * <ul>
 * <li>{@code DIAGONAL}: W = diag(1/se²) from the targets' standard errors; Ω = diag(se²), so W = Ω⁻¹ (moments taken
 * as independent).</li>
 * <li>{@code OPTIMAL}: two-step. Step 1 estimates with the diagonal W; step 2 re-estimates from there with
 * W = S⁻¹, S the covariance of one replication's moments at the step-1 estimate (Hansen 1982): efficient when the
 * observed moments are one draw of the process the model simulates. Ω = S at the final estimate.</li>
 * </ul>
 */
public enum Weighting {
    DIAGONAL, OPTIMAL;

    /** The name used in calibration files. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
