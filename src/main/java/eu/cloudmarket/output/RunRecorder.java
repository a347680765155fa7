package eu.cloudmarket.output;

import eu.cloudmarket.model.EventRecord;
import eu.cloudmarket.model.QuarterSnapshot;
import eu.cloudmarket.model.Recorder;
import java.util.ArrayList;
import java.util.List;

/** Keeps a run's quarterly snapshots and fired events in memory (a run has at most a few hundred quarters). */
public final class RunRecorder implements Recorder {
    private final List<QuarterSnapshot> quarters = new ArrayList<>();
    private final List<EventRecord> events = new ArrayList<>();

    @Override
    public void onQuarter(QuarterSnapshot snapshot) {
        quarters.add(snapshot);
    }

    @Override
    public void onEvent(EventRecord event) {
        events.add(event);
    }

    /** A run folder has an elasticities table. */
    @Override
    public boolean wantsElasticities() {
        return true;
    }

    public List<QuarterSnapshot> quarters() {
        return quarters;
    }

    public List<EventRecord> events() {
        return events;
    }
}
