package eu.cloudmarket.experiment;

import eu.cloudmarket.model.StochasticEvent;
import eu.cloudmarket.model.events.ScheduledEvent;
import eu.cloudmarket.model.params.MarketParams;
import java.util.List;
import java.util.Objects;

/**
 * What one run needs from its scenario: the model parameters, the dated events and the stochastic event processes.
 * A prepared sweep ({@code experiment.sweep.Sweep}) builds it from the base scenario file and the run's overrides.
 */
public record RunSetup(MarketParams params, List<ScheduledEvent> events, List<StochasticEvent> stochastic) {
    public RunSetup {
        Objects.requireNonNull(params, "params");
        events = List.copyOf(events);
        stochastic = List.copyOf(stochastic);
    }
}
