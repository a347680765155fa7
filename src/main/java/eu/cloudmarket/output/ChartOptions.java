package eu.cloudmarket.output;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which files a chart is written as: the formats, and the resolution of PNG files.
 *
 * @param formats at least one format
 * @param dpi     PNG resolution in dots per inch, 36 to 1200 (ignored for SVG and PDF)
 */
public record ChartOptions(Set<ChartFormat> formats, int dpi) {
    /** PNG resolution when none is given: print quality. */
    public static final int DEFAULT_DPI = 300;
    /** PNG only, at {@link #DEFAULT_DPI}. */
    public static final ChartOptions DEFAULT = new ChartOptions(EnumSet.of(ChartFormat.PNG), DEFAULT_DPI);

    public ChartOptions {
        if (formats == null || formats.isEmpty()) {
            throw new IllegalArgumentException("at least one chart format is needed");
        }
        formats = Set.copyOf(formats);
        if (dpi < 36 || dpi > 1200) {
            throw new IllegalArgumentException("dpi must be between 36 and 1200, was " + dpi);
        }
    }

    /** Parses {@code --format} and {@code --dpi} values; {@code null} means the default. */
    public static ChartOptions parse(String formatList, Integer dpi) {
        Set<ChartFormat> f = formatList == null ? DEFAULT.formats() : ChartFormat.parseList(formatList);
        return new ChartOptions(f, dpi == null ? DEFAULT_DPI : dpi);
    }
}
