package eu.cloudmarket.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.cloudmarket.experiment.Metrics;
import eu.cloudmarket.experiment.RunOutcome;
import eu.cloudmarket.experiment.Statistics;
import eu.cloudmarket.experiment.Summary;
import eu.cloudmarket.output.Csv;
import eu.cloudmarket.output.SweepJournal;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout of a sweep folder and the files built from its journals.
 *
 * <pre>
 * manifest.json                     the plan (design, parameters, seeds, runs; no times, so every shard agrees)
 * runs.journal.csv                  runs finished by a single-machine sweep, appended durably as they finish
 * shards/shard-I-of-N.journal.csv   the same, for shard I of N
 * runs.csv  cells.csv  codebook.csv built from the journals, sorted by run id / cell id, by sweep or merge
 * charts/                           sweep charts drawn from cells.csv
 * metadata.json                     provenance of the last sweep or merge (tool version, wall time, threads)
 * </pre>
 *
 * The result files depend only on the journals' content, never on the order runs finished or on how they were split
 * into shards, so a merged sweep is byte-identical to a single-machine one.
 */
final class SweepOutputs {
    static final String FORMAT = "cloudmarket-sweep/1";
    static final String MANIFEST = "manifest.json";
    static final String JOURNAL = "runs.journal.csv";
    static final String SHARDS = "shards";
    static final String RUNS = "runs.csv";
    static final String CELLS = "cells.csv";
    static final String CODEBOOK = "codebook.csv";
    static final String METADATA = "metadata.json";
    static final Pattern SHARD_FILE = Pattern.compile("shard-(\\d+)-of-(\\d+)\\.journal\\.csv");

    private SweepOutputs() {
    }

    static Path shardJournal(Path dir, int shard, int shards) {
        return dir.resolve(SHARDS).resolve("shard-" + shard + "-of-" + shards + ".journal.csv");
    }

    /** What the result files need from manifest.json. */
    record Info(String planSha, int cells, int replications, int runs, long masterSeed, List<String> columns,
            List<String> metrics, boolean reference) {
        int fields() {
            return 4 + columns.size() + metrics.size() + 1;
        }

        /** The journal header: identifies the plan, so a journal of another sweep is never mixed in. */
        String journalHeader() {
            List<String> cols = new ArrayList<>(List.of("run_id", "cell_id", "replication", "status"));
            cols.addAll(columns);
            cols.addAll(metrics);
            cols.add("error");
            cols.add("crc32");
            return "#cloudmarket sweep journal v1 plan_sha256=" + planSha + "\n#columns: " + String.join(",", cols)
                    + "\n";
        }
    }

    static Info info(JsonNode m) {
        List<String> columns = new ArrayList<>();
        m.get("parameters").forEach(p -> columns.add(p.get("column").asText()));
        List<String> metrics = new ArrayList<>();
        m.get("metrics").forEach(x -> metrics.add(x.asText()));
        return new Info(m.get("plan_sha256").asText(), m.get("cells").asInt(), m.get("replications").asInt(),
                m.get("runs").asInt(), m.get("master_seed").asLong(), columns, metrics,
                m.hasNonNull("reference"));
    }

    /** Reads manifest.json of a sweep folder. */
    static JsonNode readManifest(Path dir) throws IOException {
        Path f = dir.resolve(MANIFEST);
        JsonNode m = new ObjectMapper().readTree(f.toFile());
        if (m == null || !m.isObject() || !FORMAT.equals(m.path("format").asText())) {
            throw new IOException(f + " is not a cloudmarket sweep manifest (format " + FORMAT + ")");
        }
        for (String k : List.of("plan_sha256", "cells", "replications", "runs", "master_seed", "parameters",
                "metrics")) {
            if (!m.hasNonNull(k)) {
                throw new IOException(f + ": missing '" + k + "'");
            }
        }
        return m;
    }

    /**
     * The journal fields of a finished run. Metrics are written in Java's round-trip form ({@code Double.toString}),
     * so the statistics computed later from the journal see exactly the values the run produced.
     */
    static List<String> journalFields(RunOutcome o, int columns, int metricCount) {
        List<String> f = new ArrayList<>();
        f.add(Integer.toString(o.spec().runId()));
        f.add(o.spec().cellId());
        f.add(Integer.toString(o.spec().replication()));
        f.add(o.ok() ? "ok" : "failed");
        if (o.spec().isReference()) {
            for (int j = 0; j < columns; j++) {
                f.add("");
            }
        } else {
            o.spec().values().forEach(v -> f.add(v.text()));
        }
        double[] m = o.metrics();
        for (int j = 0; j < metricCount; j++) {
            f.add(m == null ? "" : Double.toString(m[j]));
        }
        f.add(o.ok() ? "" : o.error());
        return f;
    }

    /** Every journal in a sweep folder: the single-machine one and all shard journals, in a fixed order. */
    static List<Path> journals(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.exists(dir.resolve(JOURNAL))) {
            out.add(dir.resolve(JOURNAL));
        }
        Path shards = dir.resolve(SHARDS);
        if (Files.isDirectory(shards)) {
            TreeMap<String, Path> sorted = new TreeMap<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(shards, "shard-*-of-*.journal.csv")) {
                for (Path p : ds) {
                    Matcher mt = SHARD_FILE.matcher(p.getFileName().toString());
                    if (mt.matches()) {
                        sorted.put(String.format("%012d-%012d", Long.parseLong(mt.group(2)),
                                Long.parseLong(mt.group(1))), p);
                    }
                }
            }
            out.addAll(sorted.values());
        }
        return out;
    }

    /**
     * Where each run's line is in the journals. A successful line beats a failed one (a resumed sweep retries failed
     * runs); between lines of equal status the later one wins. Memory: 17 bytes per run.
     */
    static final class Index implements AutoCloseable {
        private final Info info;
        private final List<Path> files;
        private final int[] file;
        private final long[] offset;
        private final int[] length;
        private final byte[] status; // 0 missing, 1 failed, 2 ok
        private final FileChannel[] channels;
        int corruptLines;
        int tornFiles;

        private Index(Info info, List<Path> files) {
            this.info = info;
            this.files = List.copyOf(files);
            int n = info.runs();
            file = new int[n];
            offset = new long[n];
            length = new int[n];
            status = new byte[n];
            channels = new FileChannel[files.size()];
        }

        static Index build(Info info, List<Path> journals) throws IOException {
            Index idx = new Index(info, journals);
            String header = info.journalHeader();
            for (int fi = 0; fi < journals.size(); fi++) {
                final int which = fi;
                SweepJournal.ScanResult r = SweepJournal.scan(journals.get(fi), header, (off, len, fields) -> {
                    if (fields.size() != info.fields()) {
                        idx.corruptLines++;
                        return;
                    }
                    int id;
                    try {
                        id = Integer.parseInt(fields.get(0));
                    } catch (NumberFormatException e) {
                        idx.corruptLines++;
                        return;
                    }
                    if (id < 0 || id >= info.runs()) {
                        idx.corruptLines++;
                        return;
                    }
                    byte st = "ok".equals(fields.get(3)) ? (byte) 2 : (byte) 1;
                    if (st >= idx.status[id]) {
                        idx.status[id] = st;
                        idx.file[id] = which;
                        idx.offset[id] = off;
                        idx.length[id] = len;
                    }
                });
                idx.corruptLines += r.corrupt();
                idx.tornFiles += r.torn() ? 1 : 0;
            }
            return idx;
        }

        boolean has(int id) {
            return status[id] != 0;
        }

        boolean ok(int id) {
            return status[id] == 2;
        }

        /** Run ids with no line at all. */
        BitSet missing() {
            BitSet b = new BitSet();
            for (int id = 0; id < status.length; id++) {
                if (status[id] == 0) {
                    b.set(id);
                }
            }
            return b;
        }

        /** Run ids whose best line is a failure. */
        BitSet failed() {
            BitSet b = new BitSet();
            for (int id = 0; id < status.length; id++) {
                if (status[id] == 1) {
                    b.set(id);
                }
            }
            return b;
        }

        /** "run 7 (cell 2, replication 1): error" for the first {@code limit} of {@code ids}. */
        List<String> describeFailures(BitSet ids, int limit) throws IOException {
            List<String> out = new ArrayList<>();
            for (int id = ids.nextSetBit(0); id >= 0 && out.size() < limit; id = ids.nextSetBit(id + 1)) {
                List<String> f = row(id);
                out.add("run " + id + " (cell " + f.get(1) + ", replication " + f.get(2) + "): " + f.get(f.size() - 1));
            }
            if (ids.cardinality() > limit) {
                out.add("... and " + (ids.cardinality() - limit) + " more");
            }
            return out;
        }

        List<String> row(int id) throws IOException {
            if (status[id] == 0) {
                throw new IOException("run " + id + " is in no journal");
            }
            int fi = file[id];
            if (channels[fi] == null) {
                channels[fi] = FileChannel.open(files.get(fi), StandardOpenOption.READ);
            }
            return SweepJournal.readAt(channels[fi], offset[id], length[id]);
        }

        @Override
        public void close() throws IOException {
            for (FileChannel c : channels) {
                if (c != null) {
                    c.close();
                }
            }
        }
    }

    /**
     * Writes runs.csv, cells.csv and codebook.csv from a complete index (every run has a line), each through a
     * temporary file renamed into place, streaming one cell at a time.
     */
    static void write(Path dir, Info info, Index idx) throws IOException {
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
        move(runsTmp, dir.resolve(RUNS));
        move(cellsTmp, dir.resolve(CELLS));
        move(codeTmp, dir.resolve(CODEBOOK));
    }

    /** [metric][replication] values of the replications starting at run {@code first}; NaN for failed runs. */
    private static double[][] values(Index idx, Info info, int first) throws IOException {
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

    private static void cellRows(Writer w, String cellId, List<String> params, Info info, double[][] v,
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

    private static void codebook(Writer w, Info info) throws IOException {
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

    /** Renames a finished temporary file into place, atomically where the file system allows. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes bytes to a file through a temporary sibling and an atomic rename. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime());
        Files.write(tmp, bytes);
        move(tmp, target);
    }

    /** Describes a set of run ids compactly for messages: at most {@code limit} ids, then a count. */
    static String describeRuns(BitSet ids, int limit) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (int id = ids.nextSetBit(0); id >= 0; id = ids.nextSetBit(id + 1)) {
            if (shown == limit) {
                sb.append(" and ").append(ids.cardinality() - limit).append(" more");
                break;
            }
            sb.append(shown == 0 ? "" : ", ").append(id);
            shown++;
        }
        return sb.toString();
    }

    /** Groups missing run ids by shard for merge messages. */
    static Map<Integer, BitSet> byShard(BitSet ids, int shards) {
        Map<Integer, BitSet> out = new TreeMap<>();
        for (int id = ids.nextSetBit(0); id >= 0; id = ids.nextSetBit(id + 1)) {
            out.computeIfAbsent(id % shards + 1, x -> new BitSet()).set(id);
        }
        return out;
    }
}
