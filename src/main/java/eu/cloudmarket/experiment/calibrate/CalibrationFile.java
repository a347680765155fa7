package eu.cloudmarket.experiment.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.estimation.OptimizerSettings;
import eu.cloudmarket.estimation.Weighting;
import eu.cloudmarket.scenario.ConfigException;
import eu.cloudmarket.scenario.ConfigProblems;
import eu.cloudmarket.scenario.ScenarioLoader;
import eu.cloudmarket.scenario.Suggest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A calibration file (YAML), read strictly: every problem (unknown key, wrong type, bounds reversed, start outside
 * the bounds, ...) is one line naming the file, the line, the key and the reason, all of them reported together. The
 * keys are documented in {@code src/site/markdown/estimation.md}; {@code configs/calibration/history-2017.yaml} is a
 * commented example.
 *
 * @param file         the calibration file as given
 * @param name         calibration name (default: the file name without extension)
 * @param base         the base scenario, resolved against the file's folder
 * @param fixedSets    {@code key=value} overrides of the calibrated scenario ({@code set:}): applied to every run
 *                     and written into calibrated.yaml
 * @param sizeSets     overrides that only make the estimation cheaper ({@code buyers:}, {@code quarters:}): applied to
 *                     every run, not written into calibrated.yaml
 * @param parameters   the parameters to estimate
 * @param targets      the targets CSV, resolved against the file's folder
 * @param moments      the selected moments ({@code period/metric}), or empty for every row of the targets file
 * @param groups       provider groups named by metrics, beside the defaults
 * @param replications replications per evaluation
 * @param seed         master seed, or null for the base scenario's
 * @param weighting    diagonal or optimal
 * @param optimizer    stopping rule and Jacobian step
 * @param locations    key positions, for messages
 */
public record CalibrationFile(Path file, String name, Path base, List<String> fixedSets, List<String> sizeSets,
        List<Parameter> parameters,
        Path targets, List<String> moments, Map<String, List<String>> groups, int replications, Long seed,
        Weighting weighting, OptimizerSettings optimizer, ScenarioLoader.Locations locations) {

    /** One estimated parameter: a scenario key path with bounds and a start value. */
    public record Parameter(String path, String name, double min, double max, double start) {
    }

    static final List<String> TOP_KEYS = List.of("name", "description", "base", "set", "buyers", "quarters",
            "parameters",
            "targets", "moments", "groups", "replications", "seed", "weighting", "optimizer");
    static final List<String> PARAMETER_KEYS = List.of("path", "name", "min", "max", "start");
    static final List<String> OPTIMIZER_KEYS = List.of("method", "initialRadius", "stoppingRadius", "maxEvaluations",
            "jacobianStep");
    static final int MAX_REPLICATIONS = 10_000;

    /** Every override of a run: {@link #fixedSets} then {@link #sizeSets}. */
    public List<String> runSets() {
        List<String> all = new ArrayList<>(fixedSets);
        all.addAll(sizeSets);
        return all;
    }

    /** A problem located in this file. */
    ConfigException problem(String key, String reason) {
        return Reader.locate(file.toString(), locations, key, reason);
    }

    /** Reads and checks a calibration file (not yet the base scenario or the targets: see {@link Calibration}). */
    public static CalibrationFile read(Path file) {
        ScenarioLoader loader = new ScenarioLoader();
        Map<String, ScenarioLoader.Locations> locs = new HashMap<>();
        ObjectNode root = loader.readTree(file, locs);
        Reader r = new Reader(file.toString(), locs.get(file.toString()));
        CalibrationFile f = r.read(file, root);
        r.throwIfAny();
        return f;
    }

    /** Collects the problems of one file. */
    private static final class Reader {
        final String fileName;
        final ScenarioLoader.Locations locations;
        final List<ConfigException> problems = new ArrayList<>();

        Reader(String fileName, ScenarioLoader.Locations locations) {
            this.fileName = fileName;
            this.locations = locations;
        }

        static ConfigException locate(String file, ScenarioLoader.Locations locations, String key, String reason) {
            int[] at = locations == null || key == null ? null : locations.find(key);
            return at == null ? new ConfigException(file, key, reason)
                    : new ConfigException(file, key, at[0], at[1], reason);
        }

        void problem(String key, String reason) {
            problems.add(locate(fileName, locations, key, reason));
        }

        void throwIfAny() {
            if (problems.size() == 1) {
                throw problems.get(0);
            }
            if (!problems.isEmpty()) {
                throw new ConfigProblems(problems);
            }
        }

        CalibrationFile read(Path file, ObjectNode root) {
            checkKeys(root, "", TOP_KEYS);
            Path dir = file.toAbsolutePath().getParent();
            String name = text(root, "name", false);
            if (name == null) {
                String f = file.getFileName().toString();
                int dot = f.lastIndexOf('.');
                name = dot > 0 ? f.substring(0, dot) : f;
            }
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}") || name.contains("..")) {
                problem("name", "must be 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit (it"
                        + " names the results folder), was '" + name + "'");
            }
            text(root, "description", false);
            String base = text(root, "base", true);
            String targets = text(root, "targets", true);
            List<String> sets = sets(root.get("set"));
            List<String> size = new ArrayList<>();
            if (root.hasNonNull("buyers")) {
                size.add("buyers.count=" + integer(root.get("buyers"), "buyers", 1, 100_000_000));
            }
            if (root.hasNonNull("quarters")) {
                size.add("horizon.quarters=" + integer(root.get("quarters"), "quarters", 1, 10_000));
                size.add("horizon.truncateEvents=true"); // events after the shortened horizon are not simulated
            }
            List<Parameter> parameters = parameters(root.get("parameters"));
            List<String> moments = moments(root.get("moments"));
            Map<String, List<String>> groups = groups(root.get("groups"));
            int replications = root.has("replications")
                    ? integer(root.get("replications"), "replications", 1, MAX_REPLICATIONS) : 0;
            if (!root.has("replications")) {
                problem("replications", "is required (replications averaged per evaluation, e.g. 10)");
            }
            Long seed = null;
            if (root.hasNonNull("seed")) {
                JsonNode s = root.get("seed");
                if (!s.isIntegralNumber() || !s.canConvertToLong()) {
                    problem("seed", "must be a whole number (the master seed), was '" + s.asText() + "'");
                } else {
                    seed = s.asLong();
                }
            }
            Weighting weighting = weighting(root.get("weighting"));
            OptimizerSettings optimizer = optimizer(root.get("optimizer"));
            return new CalibrationFile(file, name, base == null ? null : relative(dir, base), sets, size, parameters,
                    targets == null ? null : relative(dir, targets), moments, groups, replications, seed, weighting,
                    optimizer, locations);
        }

        private List<Parameter> parameters(JsonNode node) {
            List<Parameter> out = new ArrayList<>();
            if (node == null || !node.isArray() || node.isEmpty()) {
                problem("parameters", "is required: a list of {path, min, max, start}, e.g. - {path:"
                        + " providers.eu.flowShare, min: 0.01, max: 0.1, start: 0.04}");
                return out;
            }
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String at = "parameters." + i;
                JsonNode p = node.get(i);
                if (!p.isObject()) {
                    problem(at, "must be a mapping {path, min, max, start}");
                    continue;
                }
                int before = problems.size();
                checkKeys(p, at, PARAMETER_KEYS);
                String path = text(p, "path", true, at + ".path");
                String name = text(p, "name", false, at + ".name");
                double min = number(p, "min", at);
                double max = number(p, "max", at);
                double start = number(p, "start", at);
                if (problems.size() > before) {
                    continue;
                }
                if (!(min < max)) {
                    problem(at + ".max", "bounds reversed: max " + max + " is not above min " + min);
                } else if (!(start >= min && start <= max)) {
                    problem(at + ".start", "start " + start + " is outside the bounds [" + min + ", " + max + "]");
                }
                if (paths.contains(path)) {
                    problem(at + ".path", "'" + path + "' is estimated twice");
                }
                paths.add(path);
                out.add(new Parameter(path, name != null ? name : path, min, max, start));
            }
            return out;
        }

        private List<String> moments(JsonNode node) {
            List<String> out = new ArrayList<>();
            if (node == null || node.isNull()) {
                return out;
            }
            if (!node.isArray() || node.isEmpty()) {
                problem("moments", "must be a non-empty list of period/metric names from the targets file, e.g."
                        + " 2020Q3/big3_revenue_share");
                return out;
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode m = node.get(i);
                if (!m.isTextual() || !m.asText().contains("/")) {
                    problem("moments." + i, "must be a period/metric name, e.g. 2020Q3/big3_revenue_share");
                } else if (out.contains(m.asText().trim())) {
                    problem("moments." + i, "'" + m.asText() + "' is listed twice");
                } else {
                    out.add(m.asText().trim());
                }
            }
            return out;
        }

        private Map<String, List<String>> groups(JsonNode node) {
            Map<String, List<String>> out = new LinkedHashMap<>();
            if (node == null || node.isNull()) {
                return out;
            }
            if (!node.isObject()) {
                problem("groups", "must be a mapping from a group name to a list of provider ids");
                return out;
            }
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> ids = new ArrayList<>();
                if (!e.getKey().matches("[a-z][a-z0-9_]*")) {
                    problem("groups." + e.getKey(), "a group name is lower-case letters, digits and '_'");
                }
                if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                    problem("groups." + e.getKey(), "must be a non-empty list of provider ids");
                    continue;
                }
                for (JsonNode id : e.getValue()) {
                    ids.add(id.asText());
                }
                out.put(e.getKey(), ids);
            }
            return out;
        }

        private Weighting weighting(JsonNode node) {
            if (node == null || node.isNull()) {
                return Weighting.DIAGONAL;
            }
            for (Weighting w : Weighting.values()) {
                if (w.key().equals(node.asText())) {
                    return w;
                }
            }
            problem("weighting", "must be diagonal or optimal, was '" + node.asText() + "'");
            return Weighting.DIAGONAL;
        }

        private OptimizerSettings optimizer(JsonNode node) {
            OptimizerSettings d = OptimizerSettings.DEFAULT;
            if (node == null || node.isNull()) {
                return d;
            }
            if (!node.isObject()) {
                problem("optimizer", "must be a mapping, e.g. {maxEvaluations: 100}");
                return d;
            }
            checkKeys(node, "optimizer", OPTIMIZER_KEYS);
            if (node.has("method") && !node.get("method").asText().equals("bobyqa")) {
                problem("optimizer.method", "only bobyqa is available (Brent's method is used for one parameter)");
            }
            int before = problems.size();
            double initial = node.has("initialRadius") ? number(node, "initialRadius", "optimizer") : d.initialRadius();
            double stopping = node.has("stoppingRadius") ? number(node, "stoppingRadius", "optimizer")
                    : d.stoppingRadius();
            int max = node.has("maxEvaluations") ? integer(node.get("maxEvaluations"), "optimizer.maxEvaluations", 5,
                    1_000_000) : d.maxEvaluations();
            double step = node.has("jacobianStep") ? number(node, "jacobianStep", "optimizer") : d.jacobianStep();
            if (problems.size() > before) {
                return d;
            }
            try {
                return new OptimizerSettings(initial, stopping, max, step);
            } catch (IllegalArgumentException e) {
                String key = e.getMessage().substring(0, e.getMessage().indexOf(' '));
                problem("optimizer." + key, e.getMessage());
                return d;
            }
        }

        private List<String> sets(JsonNode node) {
            List<String> out = new ArrayList<>();
            if (node == null || node.isNull()) {
                return out;
            }
            if (!node.isObject()) {
                problem("set", "must be a mapping of key paths to values, e.g. {horizon.quarters: 20}");
                return out;
            }
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                out.add(e.getKey() + "=" + (v.isContainerNode() ? v.toString() : v.asText()));
            }
            return out;
        }

        private void checkKeys(JsonNode node, String at, List<String> allowed) {
            Iterator<String> it = node.fieldNames();
            while (it.hasNext()) {
                String k = it.next();
                if (!allowed.contains(k)) {
                    String s = Suggest.closest(k, allowed);
                    problem(at.isEmpty() ? k : at + "." + k, "unknown key" + (s != null ? " (did you mean '" + s
                            + "'?)" : "") + "; allowed: " + String.join(", ", allowed));
                }
            }
        }

        private String text(JsonNode node, String key, boolean required) {
            return text(node, key, required, key);
        }

        private String text(JsonNode node, String key, boolean required, String shown) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                if (required) {
                    problem(shown, "is required");
                }
                return null;
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                problem(shown, "must be a non-empty text");
                return null;
            }
            return v.asText().trim();
        }

        private double number(JsonNode node, String key, String at) {
            String shown = at + "." + key;
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                problem(shown, "is required (a number)");
                return Double.NaN;
            }
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                problem(shown, "must be a finite number, was '" + v.asText() + "'");
                return Double.NaN;
            }
            return v.asDouble();
        }

        private int integer(JsonNode v, String shown, int min, int max) {
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
                problem(shown, "must be a whole number from " + min + " to " + max + ", was '" + v.asText() + "'");
                return min;
            }
            return v.asInt();
        }

        private static Path relative(Path dir, String text) {
            Path p = Path.of(text);
            Path abs = p.isAbsolute() ? p : dir.resolve(p).normalize();
            Path cwd = Path.of("").toAbsolutePath();
            return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
        }
    }
}
