package eu.cloudmarket.output;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * An append-only, crash-safe journal of finished sweep runs: one CSV line per run, each ending with the CRC-32 of the
 * line, written and forced to disk ({@code FileChannel.force}) before the next run is recorded. After a crash (even
 * {@code kill -9} or a power cut) the journal holds every run recorded before it; a line torn by the crash has no
 * newline or a wrong checksum and is ignored, and cut off when the journal is reopened for appending. The file starts
 * with header lines beginning with {@code #}, which identify the sweep plan it belongs to. The journal does not lock
 * itself (a POSIX lock would be dropped whenever a scan closes the file): whoever appends holds the folder's
 * {@link FolderLock}.
 */
public final class SweepJournal implements Closeable {
    private final Path file;
    private final FileChannel channel;

    /** The journal belongs to another sweep plan. */
    public static final class ForeignJournalException extends IOException {
        private static final long serialVersionUID = 1L;

        ForeignJournalException(Path file) {
            super(file + " belongs to a different sweep (its header does not match this sweep's plan)");
        }
    }

    /**
     * What a scan found.
     *
     * @param rows     valid run lines
     * @param corrupt  complete lines with a wrong checksum (ignored)
     * @param torn     whether the file ends in a line without newline (a write cut by a crash; ignored)
     * @param validEnd byte offset just after the last complete line
     */
    public record ScanResult(int rows, int corrupt, boolean torn, long validEnd) {
    }

    /** Receives each valid line of a scan. */
    @FunctionalInterface
    public interface Visitor {
        void line(long offset, int length, List<String> fields) throws IOException;
    }

    private SweepJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Opens {@code file} for appending, creating it with {@code header} (lines starting with {@code #}) if it does
     * not exist. An existing file must start with the same header; a torn last line is cut off.
     */
    public static SweepJournal open(Path file, String header) throws IOException {
        checkHeader(header);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            if (ch.size() == 0) {
                write(ch, header.getBytes(StandardCharsets.UTF_8));
                ch.force(true);
            } else {
                String existing = readHeader(file, header.getBytes(StandardCharsets.UTF_8).length);
                if (!existing.equals(header)) {
                    throw new ForeignJournalException(file);
                }
                ScanResult scan = scan(file, header, (o, l, f) -> {
                });
                if (scan.validEnd() < ch.size()) {
                    ch.truncate(scan.validEnd());
                    ch.force(true);
                }
            }
            ch.position(ch.size());
            return new SweepJournal(file, ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static void checkHeader(String header) {
        if (header.isEmpty() || !header.endsWith("\n")) {
            throw new IllegalArgumentException("journal header must end with a newline");
        }
        for (String line : header.split("\n")) {
            if (!line.startsWith("#")) {
                throw new IllegalArgumentException("journal header lines must start with '#'");
            }
        }
    }

    private static String readHeader(Path file, int length) throws IOException {
        byte[] buf = new byte[length];
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (n < length) {
                int r = in.read(buf, n, length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    public Path file() {
        return file;
    }

    /** Appends one run line and forces it to disk before returning. */
    public synchronized void append(List<String> fields) throws IOException {
        write(channel, line(fields).getBytes(StandardCharsets.UTF_8));
        channel.force(false);
    }

    /** The journal line of {@code fields}: the CSV row, a comma, its CRC-32 in hex, a newline. */
    static String line(List<String> fields) {
        StringWriter w = new StringWriter();
        try {
            Csv.row(w, fields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String row = w.toString();
        row = row.substring(0, row.length() - 1);
        return row + "," + crc(row) + "\n";
    }

    private static String crc(String row) {
        CRC32 c = new CRC32();
        c.update(row.getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%08x", c.getValue());
    }

    private static void write(FileChannel ch, byte[] bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /**
     * Reads every valid run line of {@code file} in file order. Header lines (starting with {@code #}) are skipped;
     * {@code header} (may be null) must match the file's first lines.
     */
    public static ScanResult scan(Path file, String header, Visitor visitor) throws IOException {
        if (header != null && !readHeader(file, header.getBytes(StandardCharsets.UTF_8).length).equals(header)) {
            throw new ForeignJournalException(file);
        }
        int rows = 0;
        int corrupt = 0;
        long offset = 0;
        long validEnd = 0;
        ByteArrayOutputStream cur = new ByteArrayOutputStream(512);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int b;
            long pos = 0;
            while ((b = in.read()) >= 0) {
                pos++;
                if (b != '\n') {
                    cur.write(b);
                    continue;
                }
                byte[] bytes = cur.toByteArray();
                cur.reset();
                long lineStart = offset;
                offset = pos;
                validEnd = pos;
                if (bytes.length > 0 && bytes[0] == '#') {
                    continue;
                }
                List<String> fields = parse(bytes);
                if (fields == null) {
                    corrupt++;
                    continue;
                }
                rows++;
                visitor.line(lineStart, bytes.length, fields);
            }
        }
        return new ScanResult(rows, corrupt, cur.size() > 0, validEnd);
    }

    /** The fields of one line (without its newline), or null if its checksum does not match. */
    private static List<String> parse(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        int comma = s.lastIndexOf(',');
        if (comma < 0) {
            return null;
        }
        String row = s.substring(0, comma);
        if (!crc(row).equals(s.substring(comma + 1))) {
            return null;
        }
        return Csv.parse(row);
    }

    /** Reads the line at {@code offset} (as reported by a scan) from an open channel. */
    public static List<String> readAt(FileChannel ch, long offset, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            int r = ch.read(buf, offset + buf.position());
            if (r < 0) {
                throw new IOException("journal shorter than indexed (offset " + offset + ")");
            }
        }
        List<String> fields = parse(buf.array());
        if (fields == null) {
            throw new IOException("journal line at offset " + offset + " changed since it was indexed");
        }
        return fields;
    }
}
