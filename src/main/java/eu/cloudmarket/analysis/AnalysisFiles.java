package eu.cloudmarket.analysis;

import eu.cloudmarket.output.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the plain CSV files of the sensitivity and discovery commands with the project's CSV reader ({@link Table}):
 * a parameter file ({@code name,min,max}), a sample file (a column per parameter) and an output file (a column per
 * output). Anything that is not as described is a {@link Table.Problem} naming the file, the line and the column.
 */
public final class AnalysisFiles {
    private AnalysisFiles() {
    }

    /** The parameters of a {@code name,min,max} file, in row order. */
    public static List<Parameter> parameters(Path file) throws IOException {
        Table t = Table.read(file);
        t.col("name");
        t.col("min");
        t.col("max");
        List<Parameter> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (List<String> row : t.rows()) {
            long line = t.line(row);
            String name = t.get(row, "name").trim();
            if (name.isEmpty()) {
                throw t.problem(line, "column 'name'", "empty parameter name");
            }
            if (!names.add(name)) {
                throw t.problem(line, "column 'name'", "parameter '" + name + "' is listed twice");
            }
            double min = finite(t, row, "min");
            double max = finite(t, row, "max");
            if (!(min < max)) {
                throw t.problem(line, "column 'max'", "max (" + t.get(row, "max") + ") must be greater than min ("
                        + t.get(row, "min") + ")");
            }
            out.add(new Parameter(name, min, max));
        }
        if (out.isEmpty()) {
            throw t.problem(1, "rows", "no parameters (one row per parameter: name,min,max)");
        }
        return out;
    }

    /** A table's rows as numbers: the given columns, in their order, all finite. */
    public static double[][] columns(Table t, List<String> columns) {
        for (String c : columns) {
            t.col(c);
        }
        double[][] out = new double[t.rows().size()][columns.size()];
        for (int r = 0; r < out.length; r++) {
            List<String> row = t.rows().get(r);
            for (int j = 0; j < columns.size(); j++) {
                out[r][j] = finite(t, row, columns.get(j));
            }
        }
        return out;
    }

    /** One finite number column of a table. */
    public static double[] column(Table t, String column) {
        double[][] m = columns(t, List.of(column));
        double[] out = new double[m.length];
        for (int r = 0; r < m.length; r++) {
            out[r] = m[r][0];
        }
        return out;
    }

    /** The column of an output file to analyse: {@code name}, or the first column if null. */
    public static String outputColumn(Table t, String name) {
        if (name == null) {
            return t.header().get(0);
        }
        t.col(name);
        return name;
    }

    /** The sample values of each parameter, read by name from a sample file. */
    public static double[][] inputs(Table t, List<Parameter> parameters) {
        return columns(t, parameters.stream().map(Parameter::name).toList());
    }

    /** The file line of row {@code r} (0-based) of {@code t}. */
    public static long line(Table t, int r) {
        return t.line(t.rows().get(r));
    }

    private static double finite(Table t, List<String> row, String column) {
        double v = t.num(row, column);
        if (!Double.isFinite(v)) {
            throw t.problem(t.line(row), "column '" + column + "'", "'" + t.get(row, column) + "' is not a finite"
                    + " number");
        }
        return v;
    }
}
