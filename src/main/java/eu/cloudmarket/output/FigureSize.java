package eu.cloudmarket.output;

/**
 * The physical size of a figure. Charts are laid out in typographic points (1/72 inch) at this size, so text keeps
 * its point size in every format; a PNG at {@code dpi} has {@code round(cm / 2.54 * dpi)} pixels per side.
 *
 * <p>Every figure is designed for the full text width of a journal page (17 cm) with text large enough (10.5 pt and
 * up) to stay legible, at 5 pt and up, when the figure is shrunk to one column (8.5 cm).
 *
 * @param widthCm  width in centimetres, > 0
 * @param heightCm height in centimetres, > 0
 */
public record FigureSize(double widthCm, double heightCm) {
    /** Full text width, golden-ratio-like height: 17 cm × 10.6 cm. */
    public static final FigureSize FULL = new FigureSize(17.0, 10.6);
    /** Full width, for a figure with a key or a second panel row underneath: 17 cm × 12 cm. */
    public static final FigureSize FULL_TALL = new FigureSize(17.0, 12.0);
    /** Full width, for small multiples in two or three rows: 17 cm × 15 cm. */
    public static final FigureSize GRID = new FigureSize(17.0, 15.0);

    private static final double POINTS_PER_CM = 72.0 / 2.54;

    public FigureSize {
        if (!(widthCm > 0) || !(heightCm > 0)) {
            throw new IllegalArgumentException("figure size must be positive, was " + widthCm + " x " + heightCm);
        }
    }

    public double widthPt() {
        return widthCm * POINTS_PER_CM;
    }

    public double heightPt() {
        return heightCm * POINTS_PER_CM;
    }

    /** PNG width in pixels at {@code dpi}. */
    public int widthPx(int dpi) {
        return (int) Math.round(widthCm / 2.54 * dpi);
    }

    /** PNG height in pixels at {@code dpi}. */
    public int heightPx(int dpi) {
        return (int) Math.round(heightCm / 2.54 * dpi);
    }
}
