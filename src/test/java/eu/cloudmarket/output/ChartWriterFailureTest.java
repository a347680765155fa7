package eu.cloudmarket.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a chart that cannot be written reports: the cause (a full disk), or that it was interrupted. */
class ChartWriterFailureTest {
    static final ChartOptions PNG = new ChartOptions(EnumSet.of(ChartFormat.PNG), 72);

    @Test
    void aFullDiskIsReportedAsSuchNotAsAnImageIoError(@TempDir Path tmp) throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "needs /dev/full (Linux)");
        Files.createSymbolicLink(tmp.resolve("chart.png"), full);
        IOException e = assertThrows(IOException.class, () -> ChartWriter.write(
                Figure.of(ChartWriterTest.sample(), FigureSize.FULL), tmp.resolve("chart"), PNG));
        assertTrue(e.getMessage().contains("No space left on device"), e.toString());
        assertFalse(e.getMessage().contains("I/O error writing PNG"), e.toString());
    }

    @Test
    void aStreamThatFailsReportsItsOwnMessage() {
        IOException e = assertThrows(IOException.class, () -> ChartWriter.writePng(
                Figure.of(ChartWriterTest.sample(), FigureSize.FULL), new java.io.OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        throw new IOException("No space left on device");
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        throw new IOException("No space left on device");
                    }
                }, 72));
        assertEquals("No space left on device", e.getMessage());
    }

    @Test
    void anInterruptedThreadStopsWritingChartsWithAnInterruptedIoException(@TempDir Path tmp) {
        Thread.currentThread().interrupt();
        try {
            InterruptedIOException e = assertThrows(InterruptedIOException.class, () -> ChartWriter.write(
                    Figure.of(ChartWriterTest.sample(), FigureSize.FULL), tmp.resolve("chart"), PNG));
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt stays set for the caller");
        } finally {
            Thread.interrupted();
        }
    }
}
