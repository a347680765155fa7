package eu.cloudmarket.bench;

import eu.cloudmarket.engine.Band;

/** The one band of the hold-model benchmarks: every event is in it, so ties run in scheduling order. */
enum BenchBand implements Band {
    ONLY;

    @Override
    public int rank() {
        return 0;
    }
}
