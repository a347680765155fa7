package eu.cloudmarket.cli;

import eu.cloudmarket.output.ChartOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The chart output options shared by {@code run}, {@code chart} (and {@code sweep}): {@code --format}, {@code --dpi}. */
public final class ChartOptionsMixin {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "LIST",
            description = "Chart formats, comma-separated: png, svg, pdf (default: png). SVG and PDF are vector "
                    + "with text kept as text; the PDF embeds its font.")
    String format;

    @Option(names = "--dpi", paramLabel = "N",
            description = "PNG resolution in dots per inch (default: " + ChartOptions.DEFAULT_DPI + "). Figures are "
                    + "17 cm wide, so 300 dpi gives 2008 pixels.")
    Integer dpi;

    /** The parsed options; a bad value is a usage error (exit 2). */
    public ChartOptions options() {
        try {
            return ChartOptions.parse(format, dpi);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
