package eu.cloudmarket.output;

/** Told after each chart is written how many of the charts being drawn are done; it must not affect the charts. */
@FunctionalInterface
public interface ChartProgress {
    void chartsDone(int done, int total);

    ChartProgress NONE = (done, total) -> {
    };
}
