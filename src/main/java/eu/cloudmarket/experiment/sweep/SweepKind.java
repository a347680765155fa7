package eu.cloudmarket.experiment.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.scenario.ConfigException;
import eu.cloudmarket.scenario.InputKind;
import java.nio.file.Path;
import java.util.List;

/**
 * Sweep files for {@code validate}: the sweep file itself, its base and reference scenarios, and the scenario of
 * every design cell (each parameter value applied as a {@code --set}) are checked without running anything.
 */
public final class SweepKind implements InputKind {
    /**
     * The kind of a file with top-level mapping {@code top}: a calibration, a sweep, or else whatever the scenario
     * layer knows.
     */
    public static InputKind of(ObjectNode top) {
        eu.cloudmarket.experiment.calibrate.CalibrationKind calibration =
                new eu.cloudmarket.experiment.calibrate.CalibrationKind();
        if (calibration.recognises(top)) {
            return calibration;
        }
        SweepKind sweep = new SweepKind();
        return sweep.recognises(top) ? sweep : eu.cloudmarket.scenario.InputKinds.of(top);
    }

    @Override
    public String name() {
        return "sweep";
    }

    @Override
    public boolean recognises(ObjectNode top) {
        return top.has("base") || top.has("design");
    }

    @Override
    public void validate(Path file, List<String> sets) {
        if (!sets.isEmpty()) {
            throw new ConfigException("--set", null, "applies to scenario files; a sweep file sets its own values");
        }
        Sweep.prepare(file);
    }
}
