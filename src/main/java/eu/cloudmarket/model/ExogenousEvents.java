package eu.cloudmarket.model;

import eu.cloudmarket.engine.EventHandler;
import eu.cloudmarket.engine.QuarterClock;
import eu.cloudmarket.engine.Scheduler;
import eu.cloudmarket.engine.random.RandomStream;
import eu.cloudmarket.engine.random.RandomStreams;
import eu.cloudmarket.engine.random.SplitMix64;
import eu.cloudmarket.model.events.MarketEvent;
import eu.cloudmarket.model.events.ScheduledEvent;
import java.util.List;
import org.apache.commons.math3.distribution.RealDistribution;

/**
 * The scenario's events: dated events at their times, and stochastic events arriving at random (exponential
 * inter-arrival times, magnitudes drawn from their distributions, each from its own stream). Each occurrence acts
 * through the market's controls and is reported to the recorder.
 */
final class ExogenousEvents {
    private final List<ScheduledEvent> scenarioEvents;
    private final List<StochasticEvent> stochasticEvents;
    private final RandomStream[] stochasticStreams;
    private final RealDistribution[] stochasticDists;
    private final MarketControls controls;
    private final UtilityTables tables;
    private final ChoiceSets choiceSets;
    private final QuarterState quarter;
    private final Scheduler scheduler;
    private final QuarterClock clock;
    private final Recorder recorder;
    private final int horizon;
    private final EventHandler scenarioHandler = (s, idx) -> fireScenarioEvent(idx);
    private final EventHandler stochasticHandler = (s, n) -> fireStochasticEvent(n);

    ExogenousEvents(List<ScheduledEvent> scenarioEvents, List<StochasticEvent> stochasticEvents, RandomStreams streams,
            MarketControls controls, UtilityTables tables, ChoiceSets choiceSets, QuarterState quarter,
            Scheduler scheduler, QuarterClock clock, Recorder recorder, int horizon) {
        this.scenarioEvents = List.copyOf(scenarioEvents);
        this.stochasticEvents = List.copyOf(stochasticEvents);
        this.controls = controls;
        this.tables = tables;
        this.choiceSets = choiceSets;
        this.quarter = quarter;
        this.scheduler = scheduler;
        this.clock = clock;
        this.recorder = recorder;
        this.horizon = horizon;
        stochasticStreams = new RandomStream[this.stochasticEvents.size()];
        stochasticDists = new RealDistribution[this.stochasticEvents.size()];
        for (int n = 0; n < stochasticStreams.length; n++) {
            StochasticEvent se = this.stochasticEvents.get(n);
            stochasticStreams[n] = streams.open("stochastic-event", SplitMix64.hash(se.id()));
            stochasticDists[n] = se.distribution() == null ? null : se.distribution().apply(stochasticStreams[n]);
        }
    }

    /** Schedules the dated events within the horizon and the first occurrence of each stochastic event. */
    void scheduleAll() {
        for (int idx = 0; idx < scenarioEvents.size(); idx++) {
            double t = scenarioEvents.get(idx).time();
            if (t < horizon) {
                scheduler.schedule(t, Phase.EXOGENOUS, scenarioHandler, idx);
            }
        }
        for (int n = 0; n < stochasticEvents.size(); n++) {
            scheduleNextStochastic(n, stochasticEvents.get(n).from());
        }
    }

    private void scheduleNextStochastic(int n, double after) {
        StochasticEvent se = stochasticEvents.get(n);
        double t = after + stochasticStreams[n].nextExponential(se.hazardPerQuarter());
        if (t < se.until() && t < horizon) {
            scheduler.schedule(t, Phase.EXOGENOUS, stochasticHandler, n);
        }
    }

    private void fireStochasticEvent(int n) {
        StochasticEvent se = stochasticEvents.get(n);
        MarketEvent event = se.template();
        String note = "";
        boolean apply = true;
        if (se.magnitudeField() != null) {
            double x = stochasticDists[n].sample();
            try {
                event = event.withMagnitude(se.magnitudeField(), x);
            } catch (IllegalArgumentException e) {
                apply = false;
                note = " (draw " + x + " outside the valid range; skipped)";
            }
        }
        if (apply) {
            apply(event);
        }
        double now = scheduler.now();
        recorder.onEvent(new EventRecord(now, clock.labelAt(now), event.type(), event.target(), event.parameters(),
                se.description() + note, "stochastic"));
        scheduleNextStochastic(n, now);
    }

    private void fireScenarioEvent(int idx) {
        ScheduledEvent se = scenarioEvents.get(idx);
        apply(se.event());
        recorder.onEvent(new EventRecord(se.time(), clock.labelAt(se.time()), se.event().type(), se.event().target(),
                se.event().parameters(), se.description(), "scenario"));
    }

    /** Applies an event with fresh tables (effects may read them), then marks what it may have changed. */
    private void apply(MarketEvent event) {
        tables.refresh();
        event.applyTo(controls);
        tables.invalidate();
        choiceSets.refresh(quarter.index());
    }
}
