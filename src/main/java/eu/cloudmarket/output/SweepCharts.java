package eu.cloudmarket.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A sweep folder's charts, drawn only from its saved {@code cells.csv}, so {@code chart} can redraw them: a metric
 * against each parameter with a 95% confidence band, heatmaps for pairs of parameters, and paired differences against
 * the reference when the sweep has one. The figures themselves are built by {@link SweepChartFactory}.
 */
public final class SweepCharts {
    public static final String DIR = "charts";

    private SweepCharts() {
    }

    /** Renders every sweep chart of {@code sweepDir} into {@code sweepDir/charts} as PNG at the default dpi. */
    public static List<Path> render(Path sweepDir) throws IOException {
        return render(sweepDir, ChartOptions.DEFAULT);
    }

    public static List<Path> render(Path sweepDir, ChartOptions options) throws IOException {
        return SweepChartFactory.renderAll(sweepDir, options);
    }

    /** As {@link #render(Path, ChartOptions)}, naming each metric by {@code labeller}. */
    public static List<Path> render(Path sweepDir, ChartOptions options,
            java.util.function.Function<String, MetricLabel> labeller) throws IOException {
        return SweepChartFactory.renderAll(sweepDir, options, labeller);
    }

    /** As {@link #render(Path, ChartOptions, java.util.function.Function)}, telling {@code progress} per chart. */
    public static List<Path> render(Path sweepDir, ChartOptions options,
            java.util.function.Function<String, MetricLabel> labeller, ChartProgress progress) throws IOException {
        return SweepChartFactory.renderAll(sweepDir, options, labeller, progress);
    }
}
