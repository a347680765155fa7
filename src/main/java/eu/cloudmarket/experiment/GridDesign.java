package eu.cloudmarket.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Full factorial design: every combination of the parameters' listed levels. Cells are numbered like nested loops
 * in the sweep file's parameter order, the last parameter varying fastest: with levels (a, b) × (x, y, z), cell 0 is
 * (a, x), cell 1 is (a, y), cell 3 is (b, x).
 */
public final class GridDesign implements Design {
    /** More cells than this is almost certainly a mistake in the sweep file. */
    public static final long MAX_CELLS = 10_000_000L;

    private final List<SweepParameter> parameters;
    private final int cells;

    public GridDesign(List<SweepParameter> parameters) {
        this.parameters = List.copyOf(parameters);
        long n = 1;
        for (SweepParameter p : this.parameters) {
            if (p.distribution() != SweepParameter.Distribution.VALUES) {
                throw new IllegalArgumentException("grid parameter " + p.path() + " needs listed values");
            }
            n *= p.levels().size();
            if (n > MAX_CELLS) {
                throw new IllegalArgumentException("the grid has more than " + MAX_CELLS + " cells");
            }
        }
        this.cells = (int) n;
    }

    @Override
    public String kind() {
        return "grid";
    }

    @Override
    public List<SweepParameter> parameters() {
        return parameters;
    }

    @Override
    public int cells() {
        return cells;
    }

    @Override
    public List<ParameterValue> cell(int c) {
        if (c < 0 || c >= cells) {
            throw new IndexOutOfBoundsException("cell " + c + " of " + cells);
        }
        ParameterValue[] out = new ParameterValue[parameters.size()];
        int rest = c;
        for (int d = parameters.size() - 1; d >= 0; d--) {
            List<ParameterValue> levels = parameters.get(d).levels();
            out[d] = levels.get(rest % levels.size());
            rest /= levels.size();
        }
        return new ArrayList<>(List.of(out));
    }

    /** The level index of parameter {@code d} in cell {@code c}. */
    public int levelIndex(int c, int d) {
        int rest = c;
        for (int k = parameters.size() - 1; k > d; k--) {
            rest /= parameters.get(k).levels().size();
        }
        return rest % parameters.get(d).levels().size();
    }
}
