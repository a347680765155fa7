package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.output.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** sensitivity sample and analyze through files, as a user runs them, and their refusal of bad files. */
class SensitivityCommandTest {
    @TempDir
    Path dir;

    private Path params() throws IOException {
        return write("params.csv", "name,min,max\na,0,2\nb,-1,1\nc,5,6\n");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Evaluates y = f(a, b, c) on every row of a design file and writes Y.csv with columns other and y. */
    private Path outputs(Path x, java.util.function.ToDoubleFunction<double[]> f) throws IOException {
        Table t = Table.read(x);
        StringBuilder sb = new StringBuilder("other,y\n");
        for (List<String> row : t.rows()) {
            double[] v = {t.num(row, "a"), t.num(row, "b"), t.num(row, "c")};
            sb.append("0,").append(Double.toString(f.applyAsDouble(v))).append('\n');
        }
        return write("Y.csv", sb.toString());
    }

    /**
     * y = a + 2b (c has no effect): on the unit scales the variance shares are 1/5, 4/5 and 0, additive (S1 = ST).
     * The round trip reads back exactly the design that was written.
     */
    @Test
    void sobolRoundTripThroughFiles() throws IOException {
        Path p = params();
        CliHarness.Result s = CliHarness.run("sensitivity", "sample", "--method", "saltelli", "--params",
                p.toString(), "-n", "1024", "--seed", "7");
        assertEquals(0, s.code(), s.err());
        Path x = write("X.csv", s.out());
        assertEquals(1024 * 5, Table.read(x).rows().size());
        Path y = outputs(x, v -> v[0] + 2 * v[1]);
        CliHarness.Result a = CliHarness.run("sensitivity", "analyze", "--method", "sobol", "--params",
                p.toString(), "--inputs", x.toString(), "--outputs", y.toString(), "--output", "y",
                "--resamples", "200");
        assertEquals(0, a.code(), a.err());
        Path out = write("S.csv", a.out());
        Table t = Table.read(out);
        assertEquals(List.of("parameter", "S1", "S1_conf", "ST", "ST_conf"), t.header());
        double[] share = {0.2, 0.8, 0};
        for (int i = 0; i < 3; i++) {
            List<String> row = t.rows().get(i);
            assertEquals(List.of("a", "b", "c").get(i), t.get(row, "parameter"));
            assertEquals(share[i], t.num(row, "S1"), 0.02);
            assertEquals(share[i], t.num(row, "ST"), 0.02);
            assertTrue(t.num(row, "S1_conf") >= 0);
        }
    }

    /** y = 3a − b: elementary effects per unit of range are 3·2 = 6 and −1·2 = −2, for c 0, all without spread. */
    @Test
    void morrisRoundTripThroughFiles() throws IOException {
        Path p = params();
        CliHarness.Result s = CliHarness.run("sensitivity", "sample", "--method", "morris", "--params", p.toString(),
                "-n", "10", "--levels", "6");
        assertEquals(0, s.code(), s.err());
        Path x = write("X.csv", s.out());
        assertEquals(10 * 4, Table.read(x).rows().size());
        Path y = outputs(x, v -> 3 * v[0] - v[1]);
        CliHarness.Result a = CliHarness.run("sensitivity", "analyze", "--method", "morris", "--params",
                p.toString(), "--inputs", x.toString(), "--outputs", y.toString(), "--output", "y");
        assertEquals(0, a.code(), a.err());
        assertEquals("parameter,mu,mu_star,sigma,mu_star_conf\n"
                + "a,6.000000,6.000000,0.000000,0.000000\n"
                + "b,-2.000000,2.000000,0.000000,0.000000\n"
                + "c,0.000000,0.000000,0.000000,0.000000\n", a.out());
    }

    @Test
    void sameSeedSameBytes() throws IOException {
        Path p = params();
        String[] args = {"sensitivity", "sample", "--method", "saltelli", "--params", p.toString(), "-n", "16"};
        assertEquals(CliHarness.run(args).out(), CliHarness.run(args).out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "min not below max|name,min,max\\na,0,1\\nb,3,3\\n|params.csv: line 3, column 'max'",
        "missing column|name,min\\na,0\\n|params.csv: line 1, column 'max'",
        "not a number|name,min,max\\na,zero,1\\n|params.csv: line 2, column 'min': 'zero' is not a number",
        "short row|name,min,max\\na,0\\n|params.csv: line 2, column 'max': missing",
        "duplicate|name,min,max\\na,0,1\\na,0,2\\n|params.csv: line 3, column 'name'"})
    void badParameterFilesExitTwoNamingFileLineAndColumn(String what, String text, String expected)
            throws IOException {
        Path p = write("params.csv", text.replace("\\n", "\n"));
        CliHarness.Result r = CliHarness.run("sensitivity", "sample", "--method", "saltelli", "--params",
                p.toString(), "-n", "8");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(expected.replace("params.csv", p.toString())), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
    }

    @Test
    void badOptionsAndMismatchedFilesExitTwo() throws IOException {
        Path p = params();
        assertBad(List.of("sensitivity", "sample", "--method", "sobolx", "--params", p.toString(), "-n", "8"),
                "unknown method 'sobolx'");
        assertBad(List.of("sensitivity", "sample", "--method", "saltelli", "--params", p.toString(), "-n", "1"),
                "-n: must be at least 2");
        assertBad(List.of("sensitivity", "sample", "--method", "morris", "--params", p.toString(), "-n", "4",
                "--levels", "5"), "--levels");
        Path x = write("X.csv", CliHarness.run("sensitivity", "sample", "--method", "saltelli", "--params",
                p.toString(), "-n", "4").out());
        Path y = write("Y.csv", "y\n1\n2\n");
        assertBad(List.of("sensitivity", "analyze", "--method", "sobol", "--params", p.toString(), "--inputs",
                x.toString(), "--outputs", y.toString()), "2 rows, but");
        Path yText = write("Y2.csv", "y\n" + "1\n".repeat(5) + "oops\n" + "1\n".repeat(14));
        assertBad(List.of("sensitivity", "analyze", "--method", "sobol", "--params", p.toString(), "--inputs",
                x.toString(), "--outputs", yText.toString()), "line 7, column 'y': 'oops' is not a number");
        assertBad(List.of("sensitivity", "analyze", "--method", "morris", "--params", p.toString(), "--inputs",
                x.toString(), "--outputs", write("Y3.csv", "y\n" + "1\n".repeat(20)).toString()), "X.csv: line 4: parameters a and b both change");
    }

    private static void assertBad(List<String> args, String expected) {
        CliHarness.Result r = CliHarness.run(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
    }
}
