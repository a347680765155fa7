package eu.cloudmarket.experiment.sweep;

import eu.cloudmarket.experiment.Metrics;
import eu.cloudmarket.experiment.Statistics;
import eu.cloudmarket.experiment.Summary;
import eu.cloudmarket.output.Codebook;
import eu.cloudmarket.output.Column;
import eu.cloudmarket.output.Csv;
import eu.cloudmarket.output.TableSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A sweep's result tables, built from the journals: runs.csv (one row per run, sorted by run id) and cells.csv (one
 * row per cell and metric: mean and 95% interval over the replications, and with a reference the paired difference).
 * Each is one {@link TableSchema} whose columns depend on the sweep (its parameters, its metrics, its reference); the
 * same column lists write the headers, the rows and codebook.csv.
 */
final class SweepTables {
    /** A row of runs.csv: one run's journal fields (run_id, cell_id, replication, status, values, metrics, error). */
    private record RunRow(List<String> fields) {
        boolean ok() {
            return "ok".equals(fields.get(3));
        }

        /** Whether the run finished with every metric a finite number. */
        boolean finite(int firstMetric, int metrics) {
            for (int j = firstMetric; j < firstMetric + metrics; j++) {
                if (!Double.isFinite(Double.parseDouble(fields.get(j)))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** runs.csv's status of a run that finished with a NaN or infinite metric (left out of n in cells.csv). */
    static final String NON_FINITE = "nonfinite";

    /**
     * A row of cells.csv: one metric over one cell's replications.
     *
     * @param diff the paired difference from the reference, or null on the reference's own rows
     */
    private record CellRow(String cellId, List<String> values, String metric, Summary summary, Summary diff) {
    }

    private static final String METRIC_UNIT = "metric unit";

    private final SweepInfo info;
    private final TableSchema<RunRow> runs;
    private final TableSchema<CellRow> cells;

    private SweepTables(SweepInfo info) {
        this.info = info;
        this.runs = runs();
        this.cells = cells();
    }

    /**
     * Writes runs.csv, cells.csv and codebook.csv from a complete index (every run has a line), each through a
     * temporary file renamed into place, streaming one cell at a time.
     *
     * @return the number of runs that finished with a NaN or infinite metric
     */
    static int write(Path dir, SweepInfo info, JournalIndex idx) throws IOException {
        SweepTables t = new SweepTables(info);
        Path runsTmp = temporary(dir, SweepFolder.RUNS);
        int nonFinite;
        try (Writer w = writer(runsTmp)) {
            nonFinite = t.writeRuns(w, idx);
        }
        Path cellsTmp = temporary(dir, SweepFolder.CELLS);
        try (Writer w = writer(cellsTmp)) {
            t.writeCells(w, idx);
        }
        Path codeTmp = temporary(dir, SweepFolder.CODEBOOK);
        try (Writer w = writer(codeTmp)) {
            Codebook.write(w, List.of(t.runs, t.cells));
        }
        SweepFolder.move(runsTmp, dir.resolve(SweepFolder.RUNS));
        SweepFolder.move(cellsTmp, dir.resolve(SweepFolder.CELLS));
        SweepFolder.move(codeTmp, dir.resolve(SweepFolder.CODEBOOK));
        return nonFinite;
    }

    private TableSchema<RunRow> runs() {
        int k = info.parameters().size();
        String seed = Long.toString(info.masterSeed());
        TableSchema.Builder<RunRow> b = TableSchema.<RunRow>builder(SweepFolder.RUNS)
                .column(raw("run_id", "id", Column.INTEGER, "run number: cell_id * replications + replication;"
                        + " reference runs follow the cells", r -> r.fields().get(0)))
                .text("cell_id", "id", "design cell (row of the design), or ref for the reference scenario",
                        r -> r.fields().get(1))
                .column(raw("replication", "index", Column.INTEGER, "replication r: the run uses the random streams"
                        + " RandomStreams(seed, r), shared by all cells (common random numbers)",
                        r -> r.fields().get(2)))
                .column(raw("seed", "seed", Column.INTEGER, "master seed; reproduce a run with: run BASE --seed SEED"
                        + " --replication R --set <fixed overrides> --set <parameter>=<value>", r -> seed));
        parameterColumns(b, "reference runs", r -> r.fields().subList(4, 4 + k));
        for (int j = 0; j < info.metrics().size(); j++) {
            int field = 4 + k + j;
            String metric = info.metrics().get(j);
            b.column(raw(metric, Metrics.unit(metric), Column.NUMBER, Metrics.describe(metric)
                    + "; empty for failed runs",
                    r -> r.ok() ? Csv.num(Double.parseDouble(r.fields().get(field))) : ""));
        }
        int metrics = info.metrics().size();
        return b.text("status", "ok|" + NON_FINITE + "|failed", "whether the run finished; " + NON_FINITE + ": it"
                        + " finished but a metric is NaN or infinite (left out of n in cells.csv)",
                        r -> !r.ok() ? "failed" : r.finite(4 + k, metrics) ? "ok" : NON_FINITE)
                .text("error", "text", "why a failed run stopped (empty for ok runs)",
                        r -> r.fields().get(4 + k + info.metrics().size()))
                .build();
    }

    private TableSchema<CellRow> cells() {
        TableSchema.Builder<CellRow> b = TableSchema.<CellRow>builder(SweepFolder.CELLS)
                .text("cell_id", "id", "design cell, or ref for the reference scenario", CellRow::cellId);
        parameterColumns(b, "ref rows", CellRow::values);
        b.text("metric", "name", "metric summarised on this row (its unit and meaning: the runs.csv column of the"
                        + " same name)", CellRow::metric)
                .integer("n", "runs", "replications with a finite value (failed runs are left out)",
                        r -> r.summary().n())
                .number("mean", METRIC_UNIT, "mean over the replications", r -> r.summary().mean())
                .number("sd", METRIC_UNIT, "sample standard deviation over the replications (n - 1); NaN when n < 2",

                        r -> r.summary().sd())
                .number("ci_low", METRIC_UNIT, "lower end of the 95% confidence interval of the mean (Student t,"
                        + " n - 1 degrees of freedom); NaN when n < 2", r -> r.summary().ciLow())
                .number("ci_high", METRIC_UNIT, "upper end of the 95% confidence interval of the mean",
                        r -> r.summary().ciHigh());
        if (info.reference()) {
            b.column(raw("diff_n", "runs", Column.INTEGER, "replications where both the cell and the reference"
                    + " finished; empty on the ref rows", r -> r.diff() == null ? "" : Integer.toString(r.diff().n())))
                    .column(diff("diff_mean", "mean paired difference cell minus reference (same replication)",
                            Summary::mean))
                    .column(diff("diff_sd", "standard deviation of the paired differences", Summary::sd))
                    .column(diff("diff_ci_low", "lower end of the 95% confidence interval of the paired difference",
                            Summary::ciLow))
                    .column(diff("diff_ci_high", "upper end of the 95% confidence interval of the paired difference",
                            Summary::ciHigh));
        }
        return b.build();
    }

    /** One column per swept parameter, its values as the design gave them; empty on the reference's rows. */
    private <R> void parameterColumns(TableSchema.Builder<R> b, String referenceRows,
            Function<R, List<String>> values) {
        for (int d = 0; d < info.parameters().size(); d++) {
            SweepInfo.Parameter p = info.parameters().get(d);
            int index = d;
            b.column(raw(p.column(), "config value", p.numeric() ? Column.NUMBER : Column.STRING, "swept parameter "
                    + p.path() + " (its values: manifest.json)" + (info.reference() ? "; empty for the "
                    + referenceRows : ""), r -> values.apply(r).get(index)));
        }
    }

    /** A column whose values are already text in their final form (as the journal holds them). */
    private static <R> Column<R> raw(String name, String unit, String type, String description,
            Function<? super R, String> value) {
        return new Column<>(name, unit, type, description, value);
    }

    /** A paired-difference column of cells.csv: empty on the reference's own rows. */
    private static Column<CellRow> diff(String name, String description, ToDoubleFunction<Summary> value) {
        return raw(name, METRIC_UNIT, Column.NUMBER, description + "; empty on the ref rows",
                r -> r.diff() == null ? "" : Csv.num(value.applyAsDouble(r.diff())));
    }

    /** Writes runs.csv; returns the number of runs that finished with a non-finite metric. */
    private int writeRuns(Writer w, JournalIndex idx) throws IOException {
        runs.writeHeader(w);
        int firstMetric = 4 + info.parameters().size();
        int nonFinite = 0;
        for (int id = 0; id < info.runs(); id++) {
            RunRow row = new RunRow(idx.row(id));
            if (row.ok() && !row.finite(firstMetric, info.metrics().size())) {
                nonFinite++;
            }
            runs.writeRow(w, row);
        }
        return nonFinite;
    }

    private void writeCells(Writer w, JournalIndex idx) throws IOException {
        cells.writeHeader(w);
        int k = info.parameters().size();
        int reps = info.replications();
        double[][] ref = info.reference() ? values(idx, info.cells() * reps) : null;
        for (int c = 0; c < info.cells(); c++) {
            List<String> params = idx.row(c * reps).subList(4, 4 + k);
            writeCell(w, Integer.toString(c), params, values(idx, c * reps), ref);
        }
        if (info.reference()) {
            writeCell(w, "ref", Collections.nCopies(k, ""), ref, null);
        }
    }

    /** The rows of one cell, one per metric; {@code ref} is null for the reference's own rows or without one. */
    private void writeCell(Writer w, String cellId, List<String> params, double[][] v, double[][] ref)
            throws IOException {
        for (int j = 0; j < info.metrics().size(); j++) {
            Summary diff = ref == null ? null : Statistics.paired(v[j], ref[j]);
            cells.writeRow(w, new CellRow(cellId, params, info.metrics().get(j), Statistics.summarise(v[j]), diff));
        }
    }

    /** [metric][replication] values of the replications starting at run {@code first}; NaN for failed runs. */
    private double[][] values(JournalIndex idx, int first) throws IOException {
        int k = info.parameters().size();
        int m = info.metrics().size();
        double[][] v = new double[m][info.replications()];
        for (int r = 0; r < info.replications(); r++) {
            RunRow row = new RunRow(idx.row(first + r));
            for (int j = 0; j < m; j++) {
                v[j][r] = row.ok() ? Double.parseDouble(row.fields().get(4 + k + j)) : Double.NaN;
            }
        }
        return v;
    }

    private static Path temporary(Path dir, String file) {
        return dir.resolve("." + file + ".tmp");
    }

    private static Writer writer(Path p) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 16);
    }
}
