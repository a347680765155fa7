package eu.cloudmarket.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * A CSV table's one column list. It writes the header and the rows, and gives the table's {@link Codebook} entries,
 * so a column cannot be written without being documented. Numbers are formatted by {@link Csv#num}.
 *
 * @param <R> the type of one row
 */
public final class TableSchema<R> {
    private final String file;
    private final List<Column<R>> columns;

    private TableSchema(String file, List<Column<R>> columns) {
        this.file = file;
        this.columns = List.copyOf(columns);
    }

    /** Starts the column list of the table written to {@code file}. */
    public static <R> Builder<R> builder(String file) {
        return new Builder<>(file);
    }

    public String file() {
        return file;
    }

    public List<Column<R>> columns() {
        return columns;
    }

    public List<String> header() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column<R> c : columns) {
            names.add(c.name());
        }
        return names;
    }

    public void writeHeader(Writer w) throws IOException {
        Csv.row(w, header());
    }

    public void writeRow(Writer w, R row) throws IOException {
        List<String> cells = new ArrayList<>(columns.size());
        for (Column<R> c : columns) {
            cells.add(c.value().apply(row));
        }
        Csv.row(w, cells);
    }

    /** Writes the header and every row to {@code dir/file}. */
    public void write(Path dir, Iterable<? extends R> rows) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8))) {
            writeHeader(w);
            for (R r : rows) {
                writeRow(w, r);
            }
        }
    }

    /** Collects the columns in header order. */
    public static final class Builder<R> {
        private final String file;
        private final List<Column<R>> columns = new ArrayList<>();

        private Builder(String file) {
            this.file = file;
        }

        public Builder<R> column(Column<R> c) {
            columns.add(c);
            return this;
        }

        public Builder<R> text(String name, String unit, String description, Function<? super R, String> value) {
            return column(new Column<>(name, unit, Column.STRING, description, value));
        }

        public Builder<R> integer(String name, String unit, String description, ToIntFunction<? super R> value) {
            return column(new Column<>(name, unit, Column.INTEGER, description,
                    r -> Integer.toString(value.applyAsInt(r))));
        }

        public Builder<R> number(String name, String unit, String description, ToDoubleFunction<? super R> value) {
            return column(new Column<>(name, unit, Column.NUMBER, description, r -> Csv.num(value.applyAsDouble(r))));
        }

        /**
         * A number that is not defined for every row (e.g. a ratio with a zero denominator): NaN is written as an
         * empty cell, which pandas, R and Stata all read as missing.
         */
        public Builder<R> numberOrEmpty(String name, String unit, String description,
                ToDoubleFunction<? super R> value) {
            return column(new Column<>(name, unit, Column.NUMBER, description, r -> {
                double v = value.applyAsDouble(r);
                return Double.isNaN(v) ? "" : Csv.num(v);
            }));
        }

        public TableSchema<R> build() {
            return new TableSchema<>(file, columns);
        }
    }
}
