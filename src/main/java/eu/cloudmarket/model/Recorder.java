package eu.cloudmarket.model;

/**
 * Observer of a run. The model hands it immutable snapshots; recorders (CSV writers, sweep metrics) live outside the
 * model, so the model does no I/O.
 */
public interface Recorder {
    /** Called once at the end of every quarter, after clearing. */
    void onQuarter(QuarterSnapshot snapshot);

    /** Called when a scenario or stochastic event fires. */
    void onEvent(EventRecord event);

    /**
     * Whether the snapshots should carry the quarter's price elasticities. Measuring them walks every renewing buyer
     * once more per quarter (about 60 ms of a default 40-quarter run), which sweeps do not need for their metrics.
     */
    default boolean wantsElasticities() {
        return false;
    }

    /** A recorder that ignores everything. */
    Recorder NONE = new Recorder() {
        @Override
        public void onQuarter(QuarterSnapshot snapshot) {
        }

        @Override
        public void onEvent(EventRecord event) {
        }
    };
}
