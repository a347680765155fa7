package eu.cloudmarket.experiment.sweep;

import eu.cloudmarket.output.SweepJournal;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Where each run's line is in a sweep folder's journals. A successful line beats a failed one (a resumed sweep retries
 * failed runs); between lines of equal status the later one wins. Memory: 17 bytes per run.
 */
final class JournalIndex implements AutoCloseable {
    private static final byte MISSING = 0;
    private static final byte FAILED = 1;
    private static final byte OK = 2;

    private final SweepInfo info;
    private final List<Path> files;
    private final int[] file;
    private final long[] offset;
    private final int[] length;
    private final byte[] status;
    private final FileChannel[] channels;
    private int corruptLines;

    private JournalIndex(SweepInfo info, List<Path> files) {
        this.info = info;
        this.files = List.copyOf(files);
        int n = info.runs();
        file = new int[n];
        offset = new long[n];
        length = new int[n];
        status = new byte[n];
        channels = new FileChannel[files.size()];
    }

    /** Indexes every journal of the sweep folder {@code dir}. */
    static JournalIndex of(SweepInfo info, Path dir) throws IOException {
        return build(info, SweepFolder.journals(dir));
    }

    static JournalIndex build(SweepInfo info, List<Path> journals) throws IOException {
        JournalIndex idx = new JournalIndex(info, journals);
        String header = info.journalHeader();
        for (int fi = 0; fi < journals.size(); fi++) {
            final int which = fi;
            SweepJournal.ScanResult r = SweepJournal.scan(journals.get(fi), header,
                    (off, len, fields) -> idx.add(which, off, len, fields));
            idx.corruptLines += r.corrupt();
        }
        return idx;
    }

    private void add(int which, long off, int len, List<String> fields) {
        if (fields.size() != info.fields()) {
            corruptLines++;
            return;
        }
        int id;
        try {
            id = Integer.parseInt(fields.get(0));
        } catch (NumberFormatException e) {
            corruptLines++;
            return;
        }
        if (id < 0 || id >= info.runs()) {
            corruptLines++;
            return;
        }
        byte st = "ok".equals(fields.get(3)) ? OK : FAILED;
        if (st == OK && !metricsAreNumbers(fields)) {
            corruptLines++;
            return;
        }
        if (st >= status[id]) {
            status[id] = st;
            file[id] = which;
            offset[id] = off;
            length[id] = len;
        }
    }

    /**
     * Whether the metric fields of a finished run's line are numbers as {@link SweepInfo#journalFields} writes them
     * ({@code Double.toString}). A line whose checksum matches but whose metrics do not parse was not written by a
     * run (an edited or foreign line): it counts as damaged, like a wrong checksum, so its run is run again.
     */
    private boolean metricsAreNumbers(List<String> fields) {
        int first = 4 + info.parameters().size();
        for (int j = first; j < first + info.metrics().size(); j++) {
            try {
                Double.parseDouble(fields.get(j));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** Complete lines that were ignored: a wrong checksum, field count, run id or metric. */
    int corruptLines() {
        return corruptLines;
    }

    boolean ok(int id) {
        return status[id] == OK;
    }

    /** Run ids with no line at all. */
    BitSet missing() {
        return withStatus(MISSING);
    }

    /** Run ids whose best line is a failure. */
    BitSet failed() {
        return withStatus(FAILED);
    }

    private BitSet withStatus(byte s) {
        BitSet b = new BitSet();
        for (int id = 0; id < status.length; id++) {
            if (status[id] == s) {
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

    /** The journal fields of run {@code id}. */
    List<String> row(int id) throws IOException {
        if (status[id] == MISSING) {
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
