package eu.cloudmarket.experiment.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.experiment.ParameterValue;
import eu.cloudmarket.experiment.SampledDesign;
import eu.cloudmarket.experiment.SweepParameter;
import eu.cloudmarket.experiment.SweepPlan;
import eu.cloudmarket.scenario.ConfigException;
import eu.cloudmarket.scenario.ScenarioLoader;
import eu.cloudmarket.scenario.Suggest;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sweep file (YAML or JSON), read strictly: unknown keys, wrong types and out-of-range values fail with one line
 * naming the file, the line, the key and the reason. The keys are documented in the README's "Parameter sweeps"
 * section; {@code configs/sweeps/quick.yaml} is a commented example.
 *
 * @param file           the sweep file as given
 * @param name           sweep name (default: the file name without extension)
 * @param description    one-line description (may be empty)
 * @param base           base scenario, resolved against the sweep file's folder
 * @param fixedSets      {@code key=value} overrides applied to every run
 * @param design         grid, random, lhs or sobol
 * @param samples        number of sampled points (0 for grids)
 * @param replications   replications per cell
 * @param seed           master seed, or null to use the base scenario's
 * @param parameters     the varied parameters
 * @param metrics        requested metric names (wildcards not yet expanded)
 * @param referenceBase  the reference scenario file, or null when there is no reference
 * @param referenceSets  the reference's overrides (empty when there is none)
 * @param locations      key positions in the file, for error messages
 */
public record SweepFile(
        Path file,
        String name,
        String description,
        Path base,
        List<String> fixedSets,
        String design,
        int samples,
        int replications,
        Long seed,
        List<SweepParameter> parameters,
        List<String> metrics,
        Path referenceBase,
        List<String> referenceSets,
        ScenarioLoader.Locations locations) {

    static final List<String> DESIGNS = List.of("grid", "random", "lhs", "sobol");
    private static final List<String> TOP_KEYS = List.of("name", "description", "base", "set", "design", "samples",
            "replications", "seed", "parameters", "metrics", "reference");
    private static final List<String> PARAMETER_KEYS = List.of("path", "name", "values", "range", "steps",
            "distribution", "mean", "sd", "integer");
    private static final List<String> REFERENCE_KEYS = List.of("base", "set");
    /** Column names the result files use themselves. */
    static final Set<String> RESERVED_COLUMNS = Set.of("run_id", "cell_id", "replication", "seed", "status", "error",
            "metric", "n", "mean", "sd", "ci_low", "ci_high", "diff_n", "diff_mean", "diff_sd", "diff_ci_low",
            "diff_ci_high");
    private static final int MAX_STEPS = 100_000;
    /** The scenario key of the master seed, which a sweep sets itself (see {@code checkNotSeed}). */
    private static final String SEED_PATH = "seed";

    /** A problem located in this file. */
    ConfigException problem(String key, String reason) {
        return problem(file.toString(), locations, key, reason);
    }

    private static ConfigException problem(String file, ScenarioLoader.Locations locations, String key,
            String reason) {
        int[] at = locations == null || key == null ? null : locations.find(key);
        return at == null ? new ConfigException(file, key, reason)
                : new ConfigException(file, key, at[0], at[1], reason);
    }

    /** Reads and checks a sweep file (not yet the base scenario: see {@link Sweep#prepare}). */
    public static SweepFile read(Path file) {
        ScenarioLoader loader = new ScenarioLoader();
        Map<String, ScenarioLoader.Locations> locs = new HashMap<>();
        ObjectNode root = loader.readTree(file, locs);
        ScenarioLoader.Locations locations = locs.get(file.toString());
        Reader r = new Reader(file.toString(), locations, loader.yamlMapper());
        return r.read(file, root);
    }

    /** Stateful helper that knows the file for error messages. */
    private static final class Reader {
        final String fileName;
        final ScenarioLoader.Locations locations;
        final ObjectMapper json = new ObjectMapper();

        Reader(String fileName, ScenarioLoader.Locations locations, ObjectMapper yaml) {
            this.fileName = fileName;
            this.locations = locations;
        }

        ConfigException problem(String key, String reason) {
            return SweepFile.problem(fileName, locations, key, reason);
        }

        SweepFile read(Path file, ObjectNode root) {
            checkKeys(root, "", TOP_KEYS);
            Path dir = file.toAbsolutePath().getParent();
            String name = optionalText(root, "name");
            if (name == null) {
                String f = file.getFileName().toString();
                int dot = f.lastIndexOf('.');
                name = dot > 0 ? f.substring(0, dot) : f;
            }
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}") || name.contains("..")) {
                throw problem("name", "must be 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit"
                        + " (it names the results folder), was '" + name + "'");
            }
            String description = optionalText(root, "description");
            String baseText = requiredText(root, "base", "the base scenario file, relative to this sweep file,"
                    + " e.g. base: ../baseline.yaml");
            Path base = relative(dir, baseText);
            List<String> fixed = sets(root.get("set"), "set");
            String design = requiredText(root, "design", "one of " + String.join(", ", DESIGNS));
            if (!DESIGNS.contains(design)) {
                String s = Suggest.closest(design, DESIGNS);
                throw problem("design", "unknown design '" + design + "'" + (s != null ? " (did you mean '" + s
                        + "'?)" : "") + "; use one of " + String.join(", ", DESIGNS));
            }
            boolean grid = design.equals("grid");
            int samples = 0;
            if (grid) {
                if (root.has("samples")) {
                    throw problem("samples", "only for the sampled designs (random, lhs, sobol); a grid runs every"
                            + " combination of the listed values");
                }
            } else {
                if (!root.has("samples")) {
                    throw problem("samples", "is required for the " + design + " design (number of points)");
                }
                samples = intValue(root.get("samples"), "samples", 1, SampledDesign.MAX_SAMPLES);
            }
            if (!root.has("replications")) {
                throw problem("replications", "is required (replications per cell, e.g. 10)");
            }
            int replications = intValue(root.get("replications"), "replications", 1, 1_000_000);
            checkSize(root, design, samples, replications);
            Long seed = null;
            if (root.has("seed") && !root.get("seed").isNull()) {
                JsonNode s = root.get("seed");
                if (!s.isIntegralNumber() || !s.canConvertToLong()) {
                    throw problem("seed", "must be a whole number (the master seed), was '" + s.asText() + "'");
                }
                seed = s.asLong();
            }
            List<SweepParameter> parameters = parameters(root.get("parameters"), design, fixed);
            List<String> metrics = metrics(root.get("metrics"));
            Path refBase = null;
            List<String> refSets = List.of();
            JsonNode ref = root.get("reference");
            if (ref != null && !ref.isNull()) {
                if (!ref.isObject()) {
                    throw problem("reference", "must be a mapping with 'base' and/or 'set'");
                }
                checkKeys(ref, "reference", REFERENCE_KEYS);
                String rb = optionalText(ref, "base", "reference.base");
                refBase = rb == null ? base : relative(dir, rb);
                refSets = sets(ref.get("set"), "reference.set");
                if (rb == null && refSets.isEmpty()) {
                    throw problem("reference", "give the reference's 'base' scenario and/or its 'set' overrides");
                }
            }
            return new SweepFile(file, name, description == null ? "" : description, base, fixed, design, samples,
                    replications, seed, parameters, metrics, refBase, refSets, locations);
        }

        /**
         * Refuses a sweep too large to run before any list of values or points is built: its runs (cells, the
         * reference included, times replications) from the raw counts in the file, and a Latin hypercube's strata.
         */
        private void checkSize(JsonNode root, String design, int samples, int replications) {
            JsonNode params = root.get("parameters");
            boolean reference = root.hasNonNull("reference");
            BigInteger cells = BigInteger.valueOf(samples);
            if (design.equals("grid")) {
                cells = BigInteger.ONE;
                for (int i = 0; params != null && params.isArray() && i < params.size(); i++) {
                    JsonNode p = params.get(i);
                    JsonNode values = p.get("values");
                    JsonNode steps = p.get("steps");
                    long levels = values != null && values.isArray() ? values.size()
                            : steps != null && steps.isIntegralNumber() && steps.canConvertToLong()
                                    ? Math.max(1, steps.asLong()) : 1;
                    cells = cells.multiply(BigInteger.valueOf(levels));
                }
            }
            BigInteger runs = cells.add(reference ? BigInteger.ONE : BigInteger.ZERO)
                    .multiply(BigInteger.valueOf(replications));
            if (runs.compareTo(BigInteger.valueOf(SweepPlan.MAX_RUNS)) > 0) {
                String what = design.equals("grid") ? "the grid has " + cells + " cells" : samples + " samples";
                throw problem(design.equals("grid") ? "parameters" : "samples", what + (reference
                        ? " plus the reference" : "") + " x " + replications + " replications = " + runs + " runs,"
                        + " more than the limit of " + SweepPlan.MAX_RUNS + " runs per sweep file");
            }
            int dimensions = params != null && params.isArray() ? params.size() : 0;
            if (design.equals("lhs") && (long) samples * dimensions > SampledDesign.MAX_LHS_STRATA) {
                throw problem("samples", samples + " samples x " + dimensions + " parameters = " + (long) samples
                        * dimensions + " Latin hypercube strata, more than the limit of "
                        + SampledDesign.MAX_LHS_STRATA + " (memory); use fewer samples or parameters");
            }
        }

        private static Path relative(Path dir, String text) {
            // the sweep file's own file system: a bundled sweep names a bundled scenario
            Path p = dir.getFileSystem().getPath(text);
            Path abs = p.isAbsolute() ? p : dir.resolve(p).normalize();
            Path cwd = Path.of("").toAbsolutePath();
            return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
        }

        private void checkKeys(JsonNode node, String at, List<String> allowed) {
            Iterator<String> it = node.fieldNames();
            while (it.hasNext()) {
                String k = it.next();
                if (!allowed.contains(k)) {
                    String s = Suggest.closest(k, allowed);
                    throw problem(at.isEmpty() ? k : at + "." + k, "unknown key" + (s != null ? " (did you mean '"
                            + s + "'?)" : "") + "; allowed: " + String.join(", ", allowed));
                }
            }
        }

        private String optionalText(JsonNode node, String key) {
            return optionalText(node, key, key);
        }

        private String optionalText(JsonNode node, String key, String shown) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                throw problem(shown, "must be a non-empty text");
            }
            return v.asText().trim();
        }

        private String requiredText(JsonNode node, String key, String hint) {
            String s = optionalText(node, key);
            if (s == null) {
                throw problem(key, "is required: " + hint);
            }
            return s;
        }

        private int intValue(JsonNode v, String key, int min, int max) {
            if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
                throw problem(key, "must be a whole number, was '" + (v == null ? "" : v.asText()) + "'");
            }
            int i = v.asInt();
            if (i < min || i > max) {
                throw problem(key, "must be between " + min + " and " + max + ", was " + i);
            }
            return i;
        }

        private double number(JsonNode v, String key) {
            if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw problem(key, "must be a number, was '" + (v == null ? "" : v.asText()) + "'");
            }
            return v.asDouble();
        }

        /** A mapping of dotted paths to values, as {@code key=value} overrides in file order. */
        private List<String> sets(JsonNode node, String key) {
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isObject()) {
                throw problem(key, "must be a mapping of dotted config paths to values, e.g. buyers.count: 5000");
            }
            List<String> out = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                checkPath(e.getKey(), key + "." + e.getKey());
                checkNotSeed(e.getKey(), key + "." + e.getKey(), "fixed");
                if (e.getValue().isNull()) {
                    throw problem(key + "." + e.getKey(), "needs a value");
                }
                out.add(e.getKey() + "=" + value(e.getValue(), key + "." + e.getKey()).yaml());
            }
            return out;
        }

        /**
         * Refuses the scenario's {@code seed} as a parameter or override: every run of a sweep uses the master seed
         * with its replication number (common random numbers across cells), so a seed set per cell was ignored and
         * all cells came out identical.
         */
        private void checkNotSeed(String path, String key, String how) {
            if (path.equals(SEED_PATH)) {
                throw problem(key, "the seed cannot be " + how + " in a sweep: seeds are per replication (replication"
                        + " r of every cell uses the master seed with r); set the master seed with the top-level"
                        + " 'seed' key and the number of seeds with 'replications'");
            }
        }

        private void checkPath(String path, String key) {
            if (path == null || !path.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*")) {
                throw problem(key, "'" + path + "' is not a dotted config path like market.nestingSigma");
            }
        }

        /** A listed value: numbers in canonical form, texts quoted for the override, collections as JSON. */
        private ParameterValue value(JsonNode v, String key) {
            if (v.isIntegralNumber()) {
                if (!v.canConvertToLong()) {
                    throw problem(key, "whole number out of range: " + v.asText());
                }
                return ParameterValue.integer(v.asLong());
            }
            if (v.isNumber()) {
                double d = v.asDouble();
                if (!Double.isFinite(d)) {
                    throw problem(key, "must be a finite number");
                }
                return ParameterValue.number(d);
            }
            if (v.isBoolean()) {
                return new ParameterValue(v.asText(), v.asText());
            }
            if (v.isTextual()) {
                try {
                    return new ParameterValue(v.asText(), json.writeValueAsString(v.asText()));
                } catch (JsonProcessingException e) {
                    throw problem(key, "cannot write value: " + e.getOriginalMessage());
                }
            }
            if (v.isArray() || v.isObject()) {
                String s = v.toString();
                return new ParameterValue(s, s);
            }
            throw problem(key, "needs a value");
        }

        private List<SweepParameter> parameters(JsonNode node, String design, List<String> fixed) {
            if (node == null || node.isNull()) {
                throw problem("parameters", "is required: a list of parameters, each with a 'path' and its values"
                        + " or range");
            }
            if (!node.isArray() || node.isEmpty()) {
                throw problem("parameters", "must be a non-empty list, e.g. - {path: market.nestingSigma, values:"
                        + " [0, 0.3, 0.6]}");
            }
            if (node.size() > SampledDesign.MAX_SOBOL_DIMENSION) {
                throw problem("parameters", "at most " + SampledDesign.MAX_SOBOL_DIMENSION + " parameters");
            }
            Set<String> fixedPaths = new HashSet<>();
            for (String s : fixed) {
                fixedPaths.add(s.substring(0, s.indexOf('=')));
            }
            List<SweepParameter> out = new ArrayList<>();
            Set<String> paths = new HashSet<>();
            Set<String> columns = new HashSet<>();
            ArrayNode arr = (ArrayNode) node;
            for (int i = 0; i < arr.size(); i++) {
                String at = "parameters." + i;
                JsonNode p = arr.get(i);
                if (!p.isObject()) {
                    throw problem(at, "must be a mapping with 'path' and 'values' or 'range'");
                }
                checkKeys(p, at, PARAMETER_KEYS);
                String path = optionalText(p, "path", at + ".path");
                if (path == null) {
                    throw problem(at + ".path", "is required: the dotted config path, as for --set");
                }
                checkPath(path, at + ".path");
                checkNotSeed(path, at + ".path", "varied");
                if (!paths.add(path)) {
                    throw problem(at + ".path", "'" + path + "' is varied twice");
                }
                if (fixedPaths.contains(path)) {
                    throw problem(at + ".path", "'" + path + "' is also fixed under 'set'; remove one of them");
                }
                String column = optionalText(p, "name", at + ".name");
                column = column == null ? path : column;
                if (!column.matches("[A-Za-z0-9_.-]+")) {
                    throw problem(at + ".name", "a column name may use letters, digits, '.', '-' and '_'");
                }
                if (RESERVED_COLUMNS.contains(column) || !columns.add(column)) {
                    throw problem(at + (p.has("name") ? ".name" : ".path"), "column name '" + column + "' is "
                            + (RESERVED_COLUMNS.contains(column) ? "used by the result files" : "used twice")
                            + "; give the parameter another 'name'");
                }
                out.add(parameter(p, at, path, column, design.equals("grid")));
            }
            return out;
        }

        private SweepParameter parameter(JsonNode p, String at, String path, String column, boolean grid) {
            boolean integer = false;
            if (p.has("integer")) {
                if (!p.get("integer").isBoolean()) {
                    throw problem(at + ".integer", "must be true or false");
                }
                integer = p.get("integer").asBoolean();
            }
            String dist = optionalText(p, "distribution", at + ".distribution");
            if (p.has("values")) {
                return listed(p, at, path, column);
            }
            if (grid) {
                return gridRange(p, at, path, column, integer);
            }
            if (p.has("steps")) {
                throw problem(at + ".steps", "only for grid designs; a sampled design draws 'samples' points");
            }
            return sampled(p, at, path, column, dist == null ? "uniform" : dist, integer);
        }

        /** A parameter with listed {@code values}. */
        private SweepParameter listed(JsonNode p, String at, String path, String column) {
            for (String k : List.of("range", "steps", "distribution", "mean", "sd", "integer")) {
                if (p.has(k)) {
                    throw problem(at + "." + k, "not allowed together with 'values'");
                }
            }
            JsonNode vs = p.get("values");
            if (!vs.isArray() || vs.isEmpty()) {
                throw problem(at + ".values", "must be a non-empty list of values");
            }
            List<ParameterValue> values = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < vs.size(); k++) {
                ParameterValue v = value(vs.get(k), at + ".values." + k);
                if (!seen.add(v.text())) {
                    throw problem(at + ".values." + k, "value " + v.text() + " is listed twice");
                }
                values.add(v);
            }
            return SweepParameter.values(path, column, values);
        }

        /** A grid parameter given as a {@code range} cut into {@code steps} evenly spaced values. */
        private SweepParameter gridRange(JsonNode p, String at, String path, String column, boolean integer) {
            if (!p.has("range") || !p.has("steps")) {
                throw problem(at, "a grid parameter needs 'values: [...]', or 'range: [min, max]' with 'steps'");
            }
            for (String k : List.of("distribution", "mean", "sd")) {
                if (p.has(k)) {
                    throw problem(at + "." + k, "only for sampled designs (random, lhs, sobol)");
                }
            }
            double[] range = range(p.get("range"), at + ".range");
            int steps = intValue(p.get("steps"), at + ".steps", 2, MAX_STEPS);
            List<ParameterValue> values = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < steps; k++) {
                double x = k == steps - 1 ? range[1] : range[0] + k * (range[1] - range[0]) / (steps - 1);
                ParameterValue v = integer ? ParameterValue.integer(Math.round(x)) : ParameterValue.number(x);
                if (seen.add(v.text())) {
                    values.add(v);
                } else if (integer) {
                    throw problem(at + ".steps", steps + " whole-number steps do not fit in the range");
                }
            }
            return SweepParameter.values(path, column, values);
        }

        /** A parameter of a sampled design, drawn from distribution {@code d}. */
        private SweepParameter sampled(JsonNode p, String at, String path, String column, String d,
                boolean integer) {
            boolean hasRange = p.has("range");
            try {
                switch (d) {
                    case "uniform", "loguniform" -> {
                        if (!hasRange) {
                            throw problem(at + ".range", "is required for a " + d + " distribution: [min, max]");
                        }
                        for (String k : List.of("mean", "sd")) {
                            if (p.has(k)) {
                                throw problem(at + "." + k, "only for the normal distribution");
                            }
                        }
                        double[] range = range(p.get("range"), at + ".range");
                        return d.equals("uniform") ? SweepParameter.uniform(path, column, range[0], range[1], integer)
                                : SweepParameter.logUniform(path, column, range[0], range[1], integer);
                    }
                    case "normal" -> {
                        double mean = number(p.get("mean"), at + ".mean");
                        double sd = number(p.get("sd"), at + ".sd");
                        if (!(sd > 0)) {
                            throw problem(at + ".sd", "must be > 0, was " + sd);
                        }
                        double[] range = hasRange ? range(p.get("range"), at + ".range")
                                : new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
                        return SweepParameter.normal(path, column, mean, sd, range[0], range[1], integer);
                    }
                    default -> {
                        List<String> known = List.of("uniform", "loguniform", "normal");
                        String s = Suggest.closest(d, known);
                        throw problem(at + ".distribution", "unknown distribution '" + d + "'" + (s != null
                                ? " (did you mean '" + s + "'?)" : "") + "; use uniform, loguniform or normal,"
                                + " or list 'values'");
                    }
                }
            } catch (IllegalArgumentException e) {
                throw problem(at, e.getMessage());
            }
        }

        private double[] range(JsonNode r, String key) {
            if (r == null || !r.isArray() || r.size() != 2) {
                throw problem(key, "must be [min, max]");
            }
            double lo = number(r.get(0), key + ".0");
            double hi = number(r.get(1), key + ".1");
            if (!(lo < hi)) {
                throw problem(key, "needs min < max, was [" + r.get(0).asText() + ", " + r.get(1).asText() + "]");
            }
            return new double[] {lo, hi};
        }

        private List<String> metrics(JsonNode node) {
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray() || node.isEmpty()) {
                throw problem("metrics", "must be a non-empty list of metric names, e.g. [final_share.alibaba,"
                        + " mean_price_ai]");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode m = node.get(i);
                if (!m.isTextual() || m.asText().isBlank()) {
                    throw problem("metrics." + i, "must be a metric name");
                }
                out.add(m.asText().trim());
            }
            return out;
        }
    }
}
