package eu.cloudmarket.experiment.calibrate;

import eu.cloudmarket.estimation.Evaluation;
import eu.cloudmarket.output.Csv;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code evaluations.journal.csv}: every evaluation of an estimation, appended durably (written and forced to disk)
 * as it finishes, one row per replication: {@code evaluation, stage, replication}, the parameter values, the
 * objective under the stage's weighting, and the replication's moments. Numbers are written with
 * {@link Double#toString}, which reads back as the same double, so a replay hands the estimator exactly what it was
 * given the first time. Reading keeps the complete evaluations from the start (all R rows, numbered in order) and
 * drops a torn tail, which the next append overwrites.
 */
public final class CalibrationJournal implements AutoCloseable {
    public static final String FILE = "evaluations.journal.csv";

    private final FileChannel channel;

    private CalibrationJournal(FileChannel channel) {
        this.channel = channel;
    }

    /** The journal's header for these parameter and moment names. */
    public static List<String> header(List<String> parameters, List<String> moments) {
        List<String> h = new ArrayList<>(List.of("evaluation", "stage", "replication"));
        h.addAll(parameters);
        h.add("objective");
        h.addAll(moments);
        return h;
    }

    /** What a journal holds: its complete evaluations and the length of the file they take up. */
    public record Contents(List<Evaluation> evaluations, long validBytes) {
    }

    /**
     * Reads the complete evaluations of {@code file} (none if it does not exist). A header that differs from
     * {@code header} means the journal belongs to another estimation: IllegalStateException.
     */
    public static Contents read(Path file, List<String> header, int parameters, int replications)
            throws IOException {
        if (!Files.exists(file)) {
            return new Contents(List.of(), 0);
        }
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<Evaluation> out = new ArrayList<>();
        int pos = text.indexOf('\n');
        if (pos < 0) {
            return new Contents(out, 0);
        }
        if (!Csv.parse(text.substring(0, pos)).equals(header)) {
            throw new IllegalStateException(file + ": the journal's header does not match this calibration");
        }
        long valid = utf8Length(text, pos + 1);
        int start = pos + 1;
        List<double[]> reps = new ArrayList<>();
        double[] theta = null;
        String stage = null;
        while (true) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                break; // a torn last line
            }
            List<String> c = Csv.parse(text.substring(start, end));
            start = end + 1;
            Row row = parse(c, header.size(), parameters);
            if (row == null || row.evaluation != out.size() || row.replication != reps.size()) {
                break;
            }
            if (reps.isEmpty()) {
                theta = row.theta;
                stage = row.stage;
            } else if (!java.util.Arrays.equals(theta, row.theta) || !stage.equals(row.stage)) {
                break;
            }
            reps.add(row.moments);
            if (reps.size() == replications) {
                out.add(new Evaluation(out.size(), stage, theta, reps.toArray(new double[0][])));
                reps.clear();
                valid = utf8Length(text, start);
            }
        }
        return new Contents(out, valid);
    }

    /** Opens {@code file} for appending after its first {@code validBytes} (writing the header if it is new). */
    public static CalibrationJournal open(Path file, List<String> header, long validBytes) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        CalibrationJournal j = new CalibrationJournal(ch);
        if (validBytes == 0) {
            ch.truncate(0);
            j.write(line(header));
        } else {
            ch.truncate(validBytes);
            ch.position(validBytes);
        }
        return j;
    }

    /** Appends every replication row of {@code e} and forces them to disk. */
    public void append(Evaluation e, double objective) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < e.replicationCount(); r++) {
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(e.index()));
            cells.add(e.stage());
            cells.add(Integer.toString(r));
            for (double t : e.theta()) {
                cells.add(Double.toString(t));
            }
            cells.add(Double.toString(objective));
            for (double m : e.replication(r)) {
                cells.add(Double.toString(m));
            }
            sb.append(line(cells));
        }
        write(sb.toString());
    }

    private void write(String s) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private record Row(int evaluation, String stage, int replication, double[] theta, double[] moments) {
    }

    private static Row parse(List<String> c, int columns, int parameters) {
        if (c.size() != columns) {
            return null;
        }
        try {
            double[] theta = new double[parameters];
            for (int k = 0; k < parameters; k++) {
                theta[k] = Double.parseDouble(c.get(3 + k));
            }
            double[] m = new double[columns - 4 - parameters];
            for (int j = 0; j < m.length; j++) {
                m[j] = Double.parseDouble(c.get(4 + parameters + j));
            }
            return new Row(Integer.parseInt(c.get(0)), c.get(1), Integer.parseInt(c.get(2)), theta, m);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(Csv.quote(cells.get(i)));
        }
        return sb.append('\n').toString();
    }

    private static long utf8Length(String text, int chars) {
        return text.substring(0, chars).getBytes(StandardCharsets.UTF_8).length;
    }
}
