package eu.cloudmarket.analysis;

import eu.cloudmarket.output.Column;
import eu.cloudmarket.output.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The column lists of the tables the sensitivity and discovery commands write (header, rows and codebook). */
public final class AnalysisTables {
    /** The peeling trajectory of a discovery. */
    public static final String TRAJECTORY = "prim_trajectory.csv";
    /** The chosen box of a discovery. */
    public static final String BOX = "prim_box.csv";

    private AnalysisTables() {
    }

    /** Sobol indices: one row per parameter, SALib's column names. */
    public static TableSchema<SobolIndex> sobol(String file) {
        return TableSchema.<SobolIndex>builder(file)
                .text("parameter", "name", "the parameter", SobolIndex::parameter)
                .number("S1", "share", "first-order Sobol index (Saltelli et al. 2010 estimator)", SobolIndex::s1)
                .number("S1_conf", "share", "half-width of the 95 % bootstrap interval of S1", SobolIndex::s1Conf)
                .number("ST", "share", "total-order Sobol index (Jansen 1999 estimator)", SobolIndex::st)
                .number("ST_conf", "share", "half-width of the 95 % bootstrap interval of ST", SobolIndex::stConf)
                .build();
    }

    /** Morris measures: one row per parameter, SALib's column names. */
    public static TableSchema<MorrisIndex> morris(String file) {
        return TableSchema.<MorrisIndex>builder(file)
                .text("parameter", "name", "the parameter", MorrisIndex::parameter)
                .number("mu", "output per range", "mean elementary effect (per unit of the parameter's range)",
                        MorrisIndex::mu)
                .number("mu_star", "output per range", "mean absolute elementary effect (Campolongo et al. 2007)",
                        MorrisIndex::muStar)
                .number("sigma", "output per range", "standard deviation of the elementary effects",
                        MorrisIndex::sigma)
                .number("mu_star_conf", "output per range", "half-width of the 95 % bootstrap interval of mu_star",
                        MorrisIndex::muStarConf)
                .build();
    }

    /** A box of the trajectory with its place in it. */
    public record Step(int box, String stage, PrimBox limits, boolean chosen) {
    }

    /** The peeling steps, then the chosen box after pasting. */
    public static List<Step> steps(PrimResult r) {
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < r.peeling().size(); i++) {
            out.add(new Step(i, "peel", r.peeling().get(i), false));
        }
        out.add(new Step(r.peeling().size(), "paste", r.box(), true));
        return out;
    }

    public static TableSchema<Step> trajectory() {
        return TableSchema.<Step>builder(TRAJECTORY)
                .integer("box", "index", "box number: 0 is all the data, each peel one more; the last row is the"
                        + " chosen box after pasting", Step::box)
                .text("stage", "peel|paste", "peel: a box of the peeling trajectory; paste: the chosen box, pasted",
                        Step::stage)
                .number("coverage", "share", "cases of interest in the box / all cases of interest",
                        s -> s.limits().coverage())
                .number("density", "share", "cases of interest in the box / points in the box",
                        s -> s.limits().density())
                .number("mass", "share", "points in the box / all points", s -> s.limits().mass())
                .integer("restricted_dims", "count", "dimensions whose limits cut off part of the data's range",
                        s -> s.limits().restricted())
                .text("chosen", "true|false", "whether this is the reported box (the paste row)",
                        s -> Boolean.toString(s.chosen()))
                .build();
    }

    /** A dimension of the chosen box. */
    public record Limit(String dimension, double min, double max, double lower, double upper, boolean restricted,
            double quasiP) {
    }

    public static List<Limit> limits(PrimResult r) {
        List<Limit> out = new ArrayList<>();
        PrimBox b = r.box();
        for (int j = 0; j < r.dimensions().size(); j++) {
            out.add(new Limit(r.dimensions().get(j), r.min()[j], r.max()[j], b.lower()[j], b.upper()[j],
                    b.restricts(j, r.min()[j], r.max()[j]), r.quasiP()[j]));
        }
        return out;
    }

    public static TableSchema<Limit> box() {
        return TableSchema.<Limit>builder(BOX)
                .text("dimension", "name", "input column", Limit::dimension)
                .number("min", "input", "smallest value in the data", Limit::min)
                .number("max", "input", "largest value in the data", Limit::max)
                .number("lower", "input", "the box's lower limit (points with a value >= lower are inside)",
                        Limit::lower)
                .number("upper", "input", "the box's upper limit (points with a value <= upper are inside)",
                        Limit::upper)
                .text("restricted", "true|false", "whether the box cuts off part of the data's range",
                        l -> Boolean.toString(l.restricted()))
                .column(new Column<>("quasi_p", "probability", Column.NUMBER, "one-sided binomial quasi-p-value of"
                        + " the restriction (EMA Workbench): P(X >= H), X ~ Binomial(T, density of the box without"
                        + " it); 6 significant digits (tiny values matter); empty if unrestricted",
                        l -> Double.isNaN(l.quasiP()) ? "" : String.format(Locale.ROOT, "%.6g", l.quasiP())))
                .build();
    }
}
