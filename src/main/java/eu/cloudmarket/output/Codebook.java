package eu.cloudmarket.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code codebook.csv}: one row per column of each table a folder holds, in table and column order, made from the
 * tables' {@link TableSchema}s so that it lists exactly the columns they write.
 */
public final class Codebook {
    public static final String FILE = "codebook.csv";
    public static final List<String> HEADER = List.of("file", "column", "unit", "type", "description");

    private Codebook() {
    }

    /** Writes {@code dir/codebook.csv}. */
    public static void write(Path dir, List<? extends TableSchema<?>> tables) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8))) {
            write(w, tables);
        }
    }

    public static void write(Writer w, List<? extends TableSchema<?>> tables) throws IOException {
        Csv.row(w, HEADER);
        for (TableSchema<?> t : tables) {
            for (Column<?> c : t.columns()) {
                Csv.row(w, t.file(), c.name(), c.unit(), c.type(), c.description());
            }
        }
    }
}
