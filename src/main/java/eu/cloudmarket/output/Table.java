package eu.cloudmarket.output;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read back into memory (header plus rows), for charts. Read with Apache Commons CSV (RFC 4180: a quoted
 * field may hold commas, quotes and line breaks, as {@link Csv} writes them). A file that is not what the tool wrote
 * (an unterminated quote, a row with missing fields, a missing column, text in a number column) fails with a
 * {@link Problem} naming the file, the line and the column.
 */
public final class Table {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(false).get();

    private final String source;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<List<String>> rows;

    /** A table built in memory (its problems name no file or line). */
    public Table(List<String> header, List<List<String>> rows) {
        this("table", header, rows);
    }

    private Table(String source, List<String> header, List<List<String>> rows) {
        this.source = source;
        this.header = List.copyOf(header);
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
        this.rows = rows;
    }

    /** A CSV file the tool reads that is not as it wrote it: the message names the file, the line and the column. */
    public static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message);
        }
    }

    /** A row of a file: its fields and the line it starts on. */
    private static final class Row extends AbstractList<String> {
        private final List<String> fields;
        private final long line;

        Row(List<String> fields, long line) {
            this.fields = fields;
            this.line = line;
        }

        @Override
        public String get(int i) {
            return fields.get(i);
        }

        @Override
        public int size() {
            return fields.size();
        }
    }

    /**
     * Reads a CSV file whose first record is the header; empty lines are skipped.
     *
     * @throws IOException if the file cannot be read
     * @throws Problem     if its contents are not a table (see the class comment)
     */
    public static Table read(Path file) throws IOException {
        String source = file.toString();
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1; // lines before this record, plus one
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new Problem(source + ": line " + line + (header == null ? "" : ", "
                            + unclosedColumn(file, line, header)) + ": cannot read the CSV record: "
                            + rootMessage(e));
                }
                List<String> fields = record.toList();
                if (fields.size() == 1 && fields.get(0).isEmpty()) {
                    continue;
                }
                if (header == null) {
                    header = fields;
                } else {
                    checkWidth(source, line, header, fields);
                    rows.add(new Row(fields, line));
                }
            }
        }
        if (header == null) {
            throw new Problem(source + ": empty CSV file (no header line)");
        }
        return new Table(source, header, rows);
    }

    private static void checkWidth(String source, long line, List<String> header, List<String> fields) {
        if (fields.size() < header.size()) {
            throw new Problem(source + ": line " + line + ", column '" + header.get(fields.size()) + "': missing (the"
                    + " row has " + fields.size() + " fields, the header " + header.size() + ")");
        }
        if (fields.size() > header.size()) {
            throw new Problem(source + ": line " + line + ", column " + (header.size() + 1) + ": the row has "
                    + fields.size() + " fields, the header only " + header.size());
        }
    }

    /**
     * The column of a record starting on {@code line} whose quote is never closed: its fields are counted on that
     * line, outside quotes, up to the quote still open at the end of the file.
     */
    private static String unclosedColumn(Path file, long line, List<String> header) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "column unknown";
        }
        int pos = 0;
        for (long l = 1; l < line && pos >= 0; l++) {
            pos = text.indexOf('\n', pos) + 1;
            pos = pos == 0 ? -1 : pos;
        }
        if (pos < 0) {
            return "column unknown";
        }
        int field = 0;
        int openedIn = -1;
        for (int i = pos; i < text.length(); i++) {
            char c = text.charAt(i);
            if (openedIn >= 0) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    i++;
                } else if (c == '"') {
                    openedIn = -1;
                }
            } else if (c == '"') {
                openedIn = field;
            } else if (c == ',') {
                field++;
            } else if (c == '\n') {
                break;
            }
        }
        int column = openedIn >= 0 ? openedIn : field;
        return column < header.size() ? "column '" + header.get(column) + "'" : "column " + (column + 1);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    public List<String> header() {
        return header;
    }

    public List<List<String>> rows() {
        return rows;
    }

    public boolean has(String column) {
        return index.containsKey(column);
    }

    /** The index of {@code column}; a {@link Problem} naming the file's header line if it has no such column. */
    public int col(String column) {
        Integer i = index.get(column);
        if (i == null) {
            throw problem(1, "column '" + column + "'", "missing from the header (columns: " + String.join(", ",
                    header) + ")");
        }
        return i;
    }

    public String get(List<String> row, String column) {
        return row.get(col(column));
    }

    /**
     * The number in {@code column} of {@code row}, as {@link Csv#num} writes numbers ({@code NaN}, {@code Inf} and
     * {@code -Inf} included); a {@link Problem} naming the file, line and column if it is not one.
     */
    public double num(List<String> row, String column) {
        String s = get(row, column);
        switch (s) {
            case "NaN" -> {
                return Double.NaN;
            }
            case "Inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-Inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw problem(row instanceof Row r ? r.line : 0, "column '" + column + "'", "'" + s
                            + "' is not a number");
                }
            }
        }
    }

    /** Like {@link #num}, but an empty field (a value that does not apply, e.g. on a reference row) is NaN. */
    public double numOrNaN(List<String> row, String column) {
        return get(row, column).isBlank() ? Double.NaN : num(row, column);
    }

    /** The line of its file a row of this table starts on (0 for a table built in memory). */
    public long line(List<String> row) {
        return row instanceof Row r ? r.line : 0;
    }

    /** A problem with this table at {@code line} (0: unknown) of its file. */
    public Problem problem(long line, String where, String reason) {
        return new Problem(source + ": " + (line > 0 ? "line " + line + ", " : "") + where + ": " + reason);
    }
}
