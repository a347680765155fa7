package eu.cloudmarket.scenario;

import eu.cloudmarket.model.params.StructuralParams;
import java.util.regex.Pattern;

/**
 * The calibration targets that held-fixed structural parameters make inert. With {@code structural.use: estimates}
 * the flow shares and cloud adoptions are not solved for, so changing one (by {@code --set} or as a sweep parameter)
 * would change nothing: a silent no-op an economist would read as a finding. The same holds for the installed-base
 * shares (the initial customers are post-stratified to the shares the fixed initial qualities imply) and the initial
 * revenue (the fixed market scale sets it). Initial prices stay active.
 */
public final class HeldTargets {
    private static final Pattern INERT = Pattern.compile(
            "providers\\.[^.]+\\.(flowShare|initialShare)|segments\\.[^.]+\\.cloudAdoption"
                    + "|market\\.initialRevenueEurBnPerQuarter");

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
                + " structural.segments.<id>.outsideUtility, structural.marketScale)";
    }
}
