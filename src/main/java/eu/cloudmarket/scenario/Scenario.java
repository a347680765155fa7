package eu.cloudmarket.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.model.events.ScheduledEvent;
import eu.cloudmarket.model.params.MarketParams;
import java.util.List;

/**
 * A loaded, validated scenario: the resolved configuration tree (written back as config.yaml), the model parameters,
 * the dated events and the stochastic event processes.
 *
 * @param name        scenario name (safe for use in a folder name)
 * @param description one-line description
 * @param question    the question the scenario answers (may be empty)
 * @param source      the file it was loaded from
 * @param seed        master seed
 * @param resolved    the fully resolved configuration, including the seed
 * @param params      model parameters
 * @param events      dated events in time order
 * @param stochastic  stochastic event processes
 */
public record Scenario(
        String name,
        String description,
        String question,
        String source,
        long seed,
        ObjectNode resolved,
        MarketParams params,
        List<ScheduledEvent> events,
        List<eu.cloudmarket.model.StochasticEvent> stochastic) {
}
