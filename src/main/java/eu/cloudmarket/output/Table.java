package eu.cloudmarket.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A CSV file read back into memory (header plus rows), for charts and merges. */
public final class Table {
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<List<String>> rows;

    public Table(List<String> header, List<List<String>> rows) {
        this.header = List.copyOf(header);
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
        this.rows = rows;
    }

    public static Table read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(file + ": empty CSV file");
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty()) {
                rows.add(Csv.parse(lines.get(i)));
            }
        }
        return new Table(Csv.parse(lines.get(0)), rows);
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

    public int col(String column) {
        Integer i = index.get(column);
        if (i == null) {
            throw new IllegalArgumentException("no column '" + column + "'");
        }
        return i;
    }

    public String get(List<String> row, String column) {
        return row.get(col(column));
    }

    public double num(List<String> row, String column) {
        return Double.parseDouble(get(row, column));
    }
}
