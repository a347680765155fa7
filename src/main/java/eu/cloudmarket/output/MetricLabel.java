package eu.cloudmarket.output;

/**
 * How a chart names a sweep metric: a short readable title (e.g. "AWS revenue share, final quarter") and its unit
 * (e.g. "fraction"), as the metric catalogue and the codebook define them.
 */
public record MetricLabel(String title, String unit) {
    /** A metric that labels itself: its raw name, no unit. */
    public static MetricLabel raw(String name) {
        return new MetricLabel(name, "");
    }

    /** The title with its unit in parentheses, for a label that stands alone. */
    public String axis() {
        return unit.isEmpty() ? title : title + " (" + unit + ")";
    }

    /**
     * The value axis of a chart whose title already names the metric: the unit, capitalised (the title alone for a
     * metric without one), so that the axis label stays short enough not to run into the title.
     */
    public String valueAxis() {
        return unit.isEmpty() ? title : Character.toUpperCase(unit.charAt(0)) + unit.substring(1);
    }
}
