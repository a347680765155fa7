package eu.cloudmarket.experiment.calibrate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.scenario.ConfigException;
import eu.cloudmarket.scenario.InputKind;
import java.nio.file.Path;
import java.util.List;

/**
 * Calibration files for {@code validate} (and to refuse them in {@code run} and {@code sweep}): a mapping with a
 * {@code targets} and a {@code parameters} key. Validating reads the file, loads the base scenario with every
 * parameter at both bounds and resolves every target's metric, without running anything.
 */
public final class CalibrationKind implements InputKind {
    @Override
    public String name() {
        return "calibrate";
    }

    @Override
    public boolean recognises(ObjectNode top) {
        return top.has("targets") && top.has("parameters");
    }

    @Override
    public void validate(Path file, List<String> sets) {
        if (!sets.isEmpty()) {
            throw new ConfigException("--set", null, "applies to scenario files; a calibration file sets its own"
                    + " values ('set:')");
        }
        Calibration.prepare(file);
    }
}
