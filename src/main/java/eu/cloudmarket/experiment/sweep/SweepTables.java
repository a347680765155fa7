package eu.cloudmarket.experiment.sweep;

import static eu.cloudmarket.experiment.sweep.SweepFolder.CELLS;
import static eu.cloudmarket.experiment.sweep.SweepFolder.CODEBOOK;
import static eu.cloudmarket.experiment.sweep.SweepFolder.RUNS;

import eu.cloudmarket.experiment.Metrics;
import eu.cloudmarket.experiment.Statistics;
import eu.cloudmarket.experiment.Summary;
import eu.cloudmarket.output.Csv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A sweep's result tables, built from the journals: runs.csv, cells.csv and their codebook.csv. */
final class SweepTables {
    private SweepTables() {
    }

    /**
     * Writes runs.csv, cells.csv and codebook.csv from a complete index (every run has a line), each through a
     * temporary file renamed into place, streaming one cell at a time.
     */
    static void write(Path dir, SweepInfo info, JournalIndex idx) throws IOException {
        int k = info.columns().size();
        int m = info.metrics().size();
        int reps = info.replications();
        Path runsTmp = dir.resolve("." + RUNS + ".tmp");
        try (Writer w = writer(runsTmp)) {
            List<String> head = new ArrayList<>(List.of("run_id", "cell_id", "replication", "seed"));
            head.addAll(info.columns());
            head.addAll(info.metrics());
            head.add("status");
            head.add("error");
            Csv.row(w, head);
            String seed = Long.toString(info.masterSeed());
            for (int id = 0; id < info.runs(); id++) {
                List<String> f = idx.row(id);
                List<String> r = new ArrayList<>(head.size());
                r.add(f.get(0));
                r.add(f.get(1));
                r.add(f.get(2));
                r.add(seed);
                r.addAll(f.subList(4, 4 + k));
                boolean ok = "ok".equals(f.get(3));
                for (int j = 0; j < m; j++) {
                    r.add(ok ? Csv.num(Double.parseDouble(f.get(4 + k + j))) : "");
                }
                r.add(ok ? "ok" : "failed");
                r.add(f.get(4 + k + m));
                Csv.row(w, r);
            }
        }
        Path cellsTmp = dir.resolve("." + CELLS + ".tmp");
        try (Writer w = writer(cellsTmp)) {
            List<String> head = new ArrayList<>(List.of("cell_id"));
            head.addAll(info.columns());
            head.addAll(List.of("metric", "n", "mean", "sd", "ci_low", "ci_high"));
            if (info.reference()) {
                head.addAll(List.of("diff_n", "diff_mean", "diff_sd", "diff_ci_low", "diff_ci_high"));
            }
            Csv.row(w, head);
            double[][] ref = null;
            if (info.reference()) {
                ref = values(idx, info, info.cells() * reps);
            }
            for (int c = 0; c < info.cells(); c++) {
                double[][] v = values(idx, info, c * reps);
                List<String> params = idx.row(c * reps).subList(4, 4 + k);
                cellRows(w, Integer.toString(c), params, info, v, ref);
            }
            if (info.reference()) {
                List<String> blank = new ArrayList<>();
                for (int j = 0; j < k; j++) {
                    blank.add("");
                }
                cellRows(w, "ref", blank, info, ref, null);
            }
        }
        Path codeTmp = dir.resolve("." + CODEBOOK + ".tmp");
        try (Writer w = writer(codeTmp)) {
            codebook(w, info);
        }
        SweepFolder.move(runsTmp, dir.resolve(RUNS));
        SweepFolder.move(cellsTmp, dir.resolve(CELLS));
        SweepFolder.move(codeTmp, dir.resolve(CODEBOOK));
    }

    /** [metric][replication] values of the replications starting at run {@code first}; NaN for failed runs. */
    private static double[][] values(JournalIndex idx, SweepInfo info, int first) throws IOException {
        int k = info.columns().size();
        int m = info.metrics().size();
        double[][] v = new double[m][info.replications()];
        for (int r = 0; r < info.replications(); r++) {
            List<String> f = idx.row(first + r);
            boolean ok = "ok".equals(f.get(3));
            for (int j = 0; j < m; j++) {
                v[j][r] = ok ? Double.parseDouble(f.get(4 + k + j)) : Double.NaN;
            }
        }
        return v;
    }

    private static void cellRows(Writer w, String cellId, List<String> params, SweepInfo info, double[][] v,
            double[][] ref) throws IOException {
        for (int j = 0; j < info.metrics().size(); j++) {
            List<String> r = new ArrayList<>();
            r.add(cellId);
            r.addAll(params);
            r.add(info.metrics().get(j));
            Summary s = Statistics.summarise(v[j]);
            r.add(Integer.toString(s.n()));
            r.addAll(List.of(Csv.num(s.mean()), Csv.num(s.sd()), Csv.num(s.ciLow()), Csv.num(s.ciHigh())));
            if (info.reference()) {
                if (ref == null) {
                    r.addAll(List.of("", "", "", "", ""));
                } else {
                    Summary d = Statistics.paired(v[j], ref[j]);
                    r.add(Integer.toString(d.n()));
                    r.addAll(List.of(Csv.num(d.mean()), Csv.num(d.sd()), Csv.num(d.ciLow()), Csv.num(d.ciHigh())));
                }
            }
            Csv.row(w, r);
        }
    }

    private static void codebook(Writer w, SweepInfo info) throws IOException {
        Csv.row(w, "file", "column", "unit", "description");
        String[][] fixed = {
            {RUNS, "run_id", "id", "run number: cell_id * replications + replication; reference runs follow the cells"},
            {RUNS, "cell_id", "id", "design cell (row of the design), or ref for the reference scenario"},
            {RUNS, "replication", "index", "replication r: the run uses the random streams RandomStreams(seed, r),"
                + " shared by all cells (common random numbers)"},
            {RUNS, "seed", "seed", "master seed; reproduce a run with: run BASE --seed SEED --replication R --set"
                + " <fixed overrides> --set <parameter>=<value>"},
            {RUNS, "status", "ok|failed", "whether the run finished"},
            {RUNS, "error", "text", "why a failed run stopped (empty for ok runs)"},
            {CELLS, "cell_id", "id", "design cell, or ref for the reference scenario"},
            {CELLS, "metric", "name", "metric summarised on this row (see the metric rows below)"},
            {CELLS, "n", "runs", "replications with a finite value (failed runs are left out)"},
            {CELLS, "mean", "metric unit", "mean over the replications"},
            {CELLS, "sd", "metric unit", "sample standard deviation over the replications (n - 1)"},
            {CELLS, "ci_low", "metric unit", "lower end of the 95% confidence interval of the mean (Student t, n - 1"
                + " degrees of freedom)"},
            {CELLS, "ci_high", "metric unit", "upper end of the 95% confidence interval of the mean"},
        };
        for (String[] r : fixed) {
            Csv.row(w, r);
        }
        if (info.reference()) {
            String[][] diff = {
                {CELLS, "diff_n", "runs", "replications where both the cell and the reference finished"},
                {CELLS, "diff_mean", "metric unit", "mean paired difference cell minus reference (same replication)"},
                {CELLS, "diff_sd", "metric unit", "standard deviation of the paired differences"},
                {CELLS, "diff_ci_low", "metric unit", "lower end of the 95% confidence interval of the paired"
                    + " difference"},
                {CELLS, "diff_ci_high", "metric unit", "upper end of the 95% confidence interval of the paired"
                    + " difference"},
            };
            for (String[] r : diff) {
                Csv.row(w, r);
            }
        }
        for (String c : info.columns()) {
            Csv.row(w, RUNS + " " + CELLS, c, "config value", "swept parameter (see manifest.json for its path and"
                    + " values)");
        }
        for (String metric : info.metrics()) {
            Csv.row(w, RUNS + " " + CELLS, metric, Metrics.unit(metric), Metrics.describe(metric));
        }
    }

    private static Writer writer(Path p) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 16);
    }
}
