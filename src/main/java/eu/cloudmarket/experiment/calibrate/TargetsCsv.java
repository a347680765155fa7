package eu.cloudmarket.experiment.calibrate;

import eu.cloudmarket.estimation.MomentCatalogue;
import eu.cloudmarket.estimation.Target;
import eu.cloudmarket.output.Csv;
import eu.cloudmarket.scenario.ConfigException;
import eu.cloudmarket.scenario.ConfigProblems;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a targets CSV in the format of {@code shared/data/calibration/eu-market-2017-2021.csv}: columns
 * {@code period}, {@code metric}, {@code value}, and the standard error either in an {@code se} column or from a 95%
 * band in {@code low} and {@code high} (se = (high − low) / (2 · 1.96)); other columns (unit, source, note) are kept
 * out. A target is named {@code period/metric}. Every bad row (a missing or non-numeric value, a band that is not
 * around its value, an unknown metric, group or provider, a name given twice) is reported with the file, the line and
 * the column; all problems at once.
 */
public final class TargetsCsv {
    private TargetsCsv() {
    }

    /** One row's target, with the line it came from. */
    public record Row(String name, String period, String metric, double value, double se, int line) {
    }

    /** Every row of {@code file}, checked for numbers (the metrics are resolved by {@link #targets}). */
    public static List<Row> read(Path file) {
        Parsed p = parse(file);
        throwIfAny(p.problems());
        return p.rows();
    }

    /** The good rows of a targets file and the problems of the others. */
    public record Parsed(List<Row> rows, List<ConfigException> problems) {
    }

    /** Reads the rows, collecting row problems instead of throwing (a bad header still throws). */
    public static Parsed parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new ConfigException(file.toString(), null, "is not UTF-8 text (a CSV file is expected)");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), null, "cannot read the targets file: " + e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new ConfigException(file.toString(), null, "is empty; expected a header period,metric,value,..."
                    + " and one row per target");
        }
        List<String> header = Csv.parse(lines.get(0));
        Map<String, Integer> col = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i).trim(), i);
        }
        String f = file.toString();
        for (String required : List.of("period", "metric", "value")) {
            if (!col.containsKey(required)) {
                throw new ConfigException(f, required, 1, -1, "the header lacks column '" + required + "'");
            }
        }
        boolean band = col.containsKey("low") && col.containsKey("high");
        if (!col.containsKey("se") && !band) {
            throw new ConfigException(f, "se", 1, -1, "the header needs an 'se' column or 'low' and 'high' columns"
                    + " (a 95% band)");
        }
        List<ConfigException> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            int line = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            int before = problems.size();
            List<String> c = Csv.parse(lines.get(i));
            String period = cell(c, col, "period");
            String metric = cell(c, col, "metric");
            double value = number(c, col, "value", f, line, problems);
            double se;
            if (col.containsKey("se") && !cell(c, col, "se").isEmpty()) {
                se = number(c, col, "se", f, line, problems);
            } else if (band) {
                double low = number(c, col, "low", f, line, problems);
                double high = number(c, col, "high", f, line, problems);
                if (problems.size() == before && !(low <= value && value <= high && low < high)) {
                    problems.add(new ConfigException(f, "low", line, -1, "the band [" + low + ", " + high
                            + "] does not contain the value " + value + " or is empty"));
                }
                se = Target.seFromBand(low, high);
            } else {
                problems.add(new ConfigException(f, "se", line, -1, "missing standard error"));
                se = Double.NaN;
            }
            if (period.isEmpty() || metric.isEmpty()) {
                problems.add(new ConfigException(f, period.isEmpty() ? "period" : "metric", line, -1, "is empty"));
            }
            if (problems.size() == before && !(se > 0)) {
                problems.add(new ConfigException(f, "se", line, -1, "the standard error must be positive, was "
                        + se));
            }
            String name = period + "/" + metric;
            if (problems.size() == before && names.contains(name)) {
                problems.add(new ConfigException(f, "metric", line, -1, "target " + name + " is given twice"));
            }
            if (problems.size() == before) {
                names.add(name);
                rows.add(new Row(name, period, metric, value, se, line));
            }
        }
        return new Parsed(rows, problems);
    }

    /**
     * The targets of {@code rows} that {@code selection} names (all rows if it is empty), in file order, with their
     * moments resolved by {@code catalogue}; an unknown metric or provider is a problem naming the file and line.
     *
     * @param selectionProblem makes the problem of a selected name the file lacks (it belongs to the calibration file)
     */
    public static List<Target> targets(Path file, Parsed parsed, List<String> selection, MomentCatalogue catalogue,
            java.util.function.BiFunction<Integer, String, ConfigException> selectionProblem) {
        List<ConfigException> problems = new ArrayList<>(parsed.problems());
        List<Row> rows = parsed.rows();
        List<Target> out = new ArrayList<>();
        List<String> names = rows.stream().map(Row::name).toList();
        for (int i = 0; i < selection.size(); i++) {
            if (!names.contains(selection.get(i))) {
                problems.add(selectionProblem.apply(i, "no target '" + selection.get(i) + "' in " + file
                        + " (targets: " + String.join(", ", names) + ")"));
            }
        }
        for (Row r : rows) {
            if (!selection.isEmpty() && !selection.contains(r.name())) {
                continue;
            }
            try {
                out.add(new Target(r.name(), catalogue.moment(r.metric(), r.period()), r.value(), r.se()));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigException(file.toString(), "metric", r.line(), -1, e.getMessage()));
            }
        }
        problems.sort(java.util.Comparator.comparingInt(ConfigException::line));
        throwIfAny(problems);
        return out;
    }

    private static String cell(List<String> c, Map<String, Integer> col, String name) {
        int i = col.get(name);
        return i < c.size() ? c.get(i).trim() : "";
    }

    private static double number(List<String> c, Map<String, Integer> col, String name, String file, int line,
            List<ConfigException> problems) {
        String s = cell(c, col, name);
        try {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new ConfigException(file, name, line, -1, s.isEmpty() ? "missing number"
                : "not a finite number: '" + s + "'"));
        return Double.NaN;
    }

    private static void throwIfAny(List<ConfigException> problems) {
        if (problems.size() == 1) {
            throw problems.get(0);
        }
        if (!problems.isEmpty()) {
            throw new ConfigProblems(problems);
        }
    }
}
