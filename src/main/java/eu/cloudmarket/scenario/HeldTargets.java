package eu.cloudmarket.scenario;

import eu.cloudmarket.model.params.StructuralParams;
import java.util.regex.Pattern;

/**
 * The calibration targets that held-fixed structural parameters make inert. With {@code structural.use: estimates}
 * the flow shares and cloud adoptions are not solved for, so changing one (by {@code --set} or as a sweep parameter)
 * would change nothing: a silent no-op an economist would read as a finding. The installed-base shares stay active
 * (they are the history a scenario starts from) and so do initial prices.
 */
public final class HeldTargets {
    private static final Pattern INERT = Pattern.compile("providers\\.[^.]+\\.flowShare|segments\\.[^.]+\\.cloudAdoption");

    private HeldTargets() {
    }

    /**
     * Why changing {@code path} has no effect under {@code structural}, or null if it has one.
     */
    public static String inertReason(String path, StructuralParams structural) {
        if (structural == null || !structural.fixed() || !INERT.matcher(path).matches()) {
            return null;
        }
        return path + " is a calibration target, and structural.use: estimates holds the parameters it would be solved"
                + " into fixed, so changing it changes nothing; set structural.use=targets to re-estimate in each run,"
                + " or change the structural parameters themselves (structural.providers.<id>.quality,"
                + " structural.segments.<id>.outsideUtility)";
    }
}
