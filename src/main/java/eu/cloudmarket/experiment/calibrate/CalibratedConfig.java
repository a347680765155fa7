package eu.cloudmarket.experiment.calibrate;

import eu.cloudmarket.estimation.SmmResult;
import eu.cloudmarket.output.Metadata;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code calibrated.yaml}: a scenario that {@code extends} the calibration's base, applies the calibration file's
 * {@code set:} overrides (part of the calibrated scenario) and sets each estimated key to its estimate, headed by a
 * provenance comment (calibration file, targets file and its SHA-256, tool version, seed, replications, weighting, the
 * estimates with standard errors and the J test). Values are written as plain decimals that read back as the same
 * doubles. The size overrides the estimation ran under ({@code buyers:}, {@code quarters:}) are listed in the comment
 * but not applied.
 */
public final class CalibratedConfig {
    public static final String FILE = "calibrated.yaml";

    private CalibratedConfig() {
    }

    /** The file's text, for a folder {@code dir} (the extends path is relative to it). */
    public static String text(Calibration c, SmmResult r, Path dir) {
        StringBuilder y = new StringBuilder();
        CalibrationFile f = c.file();
        y.append("# Calibrated by the simulated method of moments: cloudmarket calibrate ").append(f.file())
                .append('\n');
        y.append("# tool: cloudmarket ").append(Metadata.toolVersion()).append('\n');
        y.append("# targets: ").append(f.targets()).append(" (sha256 ").append(c.targetsSha()).append(")\n");
        y.append("# seed: ").append(c.seed()).append(", replications: ").append(f.replications())
                .append(", weighting: ").append(f.weighting().key()).append('\n');
        if (!f.sizeSets().isEmpty()) {
            y.append("# estimated with: ").append(String.join(", ", f.sizeSets())).append(" (not applied here)\n");
        }
        double[] se = r.standardErrors();
        for (int k = 0; k < se.length; k++) {
            y.append(String.format(Locale.ROOT, "# %s = %.6g (se %.3g)%n", f.parameters().get(k).path(),
                    r.estimate()[k], se[k]));
        }
        y.append(String.format(Locale.ROOT, "# J = %.4g, df = %d, p = %s%n", r.j().j(), r.j().df(),
                Double.isNaN(r.j().pValue()) ? "n/a" : String.format(Locale.ROOT, "%.4f", r.j().pValue())));
        Path base = f.base().toAbsolutePath().normalize();
        y.append("extends: ").append(dir.toAbsolutePath().normalize().relativize(base).toString().replace('\\', '/'))
                .append('\n');
        Map<String, Object> tree = new LinkedHashMap<>();
        for (String set : f.fixedSets()) {
            int eq = set.indexOf('=');
            put(tree, set.substring(0, eq).split("\\."), 0, set.substring(eq + 1));
        }
        for (int k = 0; k < se.length; k++) {
            put(tree, f.parameters().get(k).path().split("\\."), 0, Calibration.plain(r.estimate()[k]));
        }
        emit(y, tree, 0);
        return y.toString();
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> node, String[] parts, int i, String value) {
        if (i == parts.length - 1) {
            node.put(parts[i], value);
            return;
        }
        Map<String, Object> child = (Map<String, Object>) node.computeIfAbsent(parts[i],
                k -> new LinkedHashMap<String, Object>());
        put(child, parts, i + 1, value);
    }

    @SuppressWarnings("unchecked")
    private static void emit(StringBuilder y, Map<String, Object> node, int depth) {
        for (Map.Entry<String, Object> e : node.entrySet()) {
            y.append("  ".repeat(depth)).append(e.getKey()).append(':');
            if (e.getValue() instanceof Map) {
                y.append('\n');
                emit(y, (Map<String, Object>) e.getValue(), depth + 1);
            } else {
                y.append(' ').append(e.getValue()).append('\n');
            }
        }
    }
}
