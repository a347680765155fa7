package eu.cloudmarket.model;

import eu.cloudmarket.model.events.MarketEvent;
import org.apache.commons.math3.distribution.RealDistribution;
import java.util.function.Function;

/**
 * An event that arrives at random: inter-arrival times are exponential with rate {@code hazardPerQuarter}, and each
 * occurrence draws the magnitude of one numeric field from a distribution. Draws come from the stream named
 * ("stochastic-event", id), so they do not disturb any other randomness.
 *
 * @param id               stable identifier (names the random stream)
 * @param template         the event with a placeholder magnitude
 * @param hazardPerQuarter expected occurrences per quarter, > 0
 * @param magnitudeField   field of the template that receives the draw (null = no magnitude)
 * @param distribution     builds the magnitude distribution on a given generator (never unseeded)
 * @param from             earliest model time, >= 0
 * @param until            latest model time (exclusive)
 * @param description      one-line description
 */
public record StochasticEvent(
        String id,
        MarketEvent template,
        double hazardPerQuarter,
        String magnitudeField,
        Function<org.apache.commons.math3.random.RandomGenerator, RealDistribution> distribution,
        double from,
        double until,
        String description) {
    public StochasticEvent {
        if (!(hazardPerQuarter > 0) || !Double.isFinite(hazardPerQuarter)) {
            throw new IllegalArgumentException("hazardPerQuarter: must be > 0, was " + hazardPerQuarter);
        }
    }
}
