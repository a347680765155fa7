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
