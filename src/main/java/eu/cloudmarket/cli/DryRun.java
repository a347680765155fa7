package eu.cloudmarket.cli;

import eu.cloudmarket.experiment.SweepParameter;
import eu.cloudmarket.experiment.SweepPlan;
import eu.cloudmarket.experiment.sweep.Shard;
import eu.cloudmarket.experiment.sweep.Sweep;
import eu.cloudmarket.experiment.sweep.SweepFile;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code sweep --dry-run}: the size, seeds, parameters and first cells of a sweep, printed; nothing runs. */
final class DryRun {
    /** Cells shown in the table. */
    private static final int SHOWN_CELLS = 10;

    private DryRun() {
    }

    static void print(PrintWriter o, Sweep sweep, Shard sh) {
        SweepPlan p = sweep.plan();
        SweepFile f = sweep.file();
        o.printf(Locale.ROOT, "sweep %s: %s design, %d cells x %d replications = %d runs%s%n", p.name(),
                p.design().kind(), p.cells(), p.replications(), p.cells() * p.replications(),
                p.hasReference() ? String.format(Locale.ROOT, ", plus %d reference runs = %d runs", p.replications(),
                        p.totalRuns()) : "");
        o.printf(Locale.ROOT, "base %s, master seed %d%s%n", f.base(), p.masterSeed(),
                p.fixedOverrides().isEmpty() ? "" : ", fixed: " + String.join(" ", p.fixedOverrides()));
        if (p.hasReference()) {
            o.printf(Locale.ROOT, "reference: %s %s%n", f.referenceBase(), String.join(" ", p.referenceOverrides()));
        }
        for (SweepParameter par : p.parameters()) {
            o.printf(Locale.ROOT, "parameter %s: %s%n", par.column().equals(par.path()) ? par.path()
                    : par.column() + " (" + par.path() + ")", par.describe());
        }
        o.println("metrics: " + String.join(", ", p.metrics()));
        if (sh != null) {
            o.printf(Locale.ROOT, "shard %s: %d runs (run_id mod %d = %d)%n", sh, p.runsInShard(sh.index(), sh.count()),
                    sh.count(), sh.index() - 1);
        }
        if ("sobol".equals(p.design().kind()) && Integer.bitCount(p.cells()) != 1) {
            o.printf(Locale.ROOT, "note: Sobol points are best balanced when samples is a power of two (e.g. %d)%n",
                    Integer.highestOneBit(p.cells()) << 1);
        }
        printCells(o, p);
        o.flush();
    }

    /** The first cells as an aligned table. */
    private static void printCells(PrintWriter o, SweepPlan p) {
        int show = Math.min(p.cells(), SHOWN_CELLS);
        List<String> head = new ArrayList<>(List.of("cell_id"));
        p.parameters().forEach(par -> head.add(par.column()));
        List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < show; c++) {
            List<String> r = new ArrayList<>(List.of(Integer.toString(c)));
            p.design().cell(c).forEach(v -> r.add(v.text()));
            rows.add(r);
        }
        int[] width = new int[head.size()];
        for (int i = 0; i < head.size(); i++) {
            width[i] = head.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        o.println();
        o.println(pad(head, width));
        rows.forEach(r -> o.println(pad(r, width)));
        if (show < p.cells()) {
            o.printf(Locale.ROOT, "... (first %d of %d cells)%n", show, p.cells());
        }
    }

    private static String pad(List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append("  ");
            }
            String c = cells.get(i);
            sb.append(c).append(" ".repeat(i == cells.size() - 1 ? 0 : width[i] - c.length()));
        }
        return sb.toString();
    }
}
