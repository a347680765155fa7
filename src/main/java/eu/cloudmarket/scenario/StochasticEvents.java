package eu.cloudmarket.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.engine.QuarterClock;
import eu.cloudmarket.model.StochasticEvent;
import eu.cloudmarket.model.events.MarketEvent;
import eu.cloudmarket.model.params.MarketParams;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Parses stochastic event processes: an event template plus {@code hazardPerQuarter}, optional {@code from} and
 * {@code until} dates, and an optional {@code magnitude} drawn per occurrence from a commons-math3 distribution
 * ({@code normal}: mean, sd; {@code lognormal}: scale, shape; {@code uniform}: low, high; {@code triangular}: low,
 * mode, high; {@code exponential}: mean). Distributions are always built on the event's own seeded stream.
 */
final class StochasticEvents {
    /** Keys every stochastic event may have besides its type's own parameters. */
    static final java.util.List<String> COMMON_KEYS = java.util.List.of("id", "type", "hazardPerQuarter", "from",
            "until", "description", "magnitude");

    /** A magnitude applied once to check the field name; any value the field accepts would do. */
    private static final double PROBE_MAGNITUDE = 0.5;

    private StochasticEvents() {
    }

    static StochasticEvent parse(JsonNode node, String path, String file, QuarterClock clock, MarketParams params,
            EventParser events, Set<String> ids) {
        if (node == null || !node.isObject()) {
            throw new ConfigException(file, path, "each stochastic event must be a mapping");
        }
        ObjectNode body = ((ObjectNode) node).deepCopy();
        JsonNode idNode = body.remove("id");
        JsonNode typeNode = body.remove("type");
        JsonNode hazardNode = body.remove("hazardPerQuarter");
        JsonNode fromNode = body.remove("from");
        JsonNode untilNode = body.remove("until");
        JsonNode desc = body.remove("description");
        JsonNode magnitude = body.remove("magnitude");
        if (desc != null && !desc.isNull() && !desc.isTextual()) {
            throw new ConfigException(file, path + ".description", "expected a text value, found " + desc);
        }
        if (idNode == null || !idNode.isTextual() || idNode.asText().isBlank()) {
            throw new ConfigException(file, path + ".id", "is required (it names the event's random stream)");
        }
        if (!ids.add(idNode.asText())) {
            throw new ConfigException(file, path + ".id", "duplicate event id '" + idNode.asText() + "'");
        }
        if (hazardNode == null || !hazardNode.isNumber() || !(hazardNode.asDouble() > 0)
                || !Double.isFinite(hazardNode.asDouble())) {
            throw new ConfigException(file, path + ".hazardPerQuarter", "is required: a number > 0 (expected events"
                    + " per quarter), was " + hazardNode);
        }
        double from = fromNode == null ? 0 : EventParser.timeOf(fromNode, path + ".from", file, clock,
                params.quarters());
        double until = untilNode == null ? params.quarters() : EventParser.timeOf(untilNode, path + ".until", file,
                clock, params.quarters());
        MarketEvent template = events.eventOf(typeNode, body, path, file, params, COMMON_KEYS);
        String field = null;
        Function<RandomGenerator, RealDistribution> dist = null;
        if (magnitude != null) {
            if (!magnitude.isObject()) {
                throw new ConfigException(file, path + ".magnitude", "must be a mapping with field and distribution");
            }
            field = magnitude.path("field").asText(null);
            if (field == null) {
                throw new ConfigException(file, path + ".magnitude.field", "is required");
            }
            try {
                template.withMagnitude(field, PROBE_MAGNITUDE);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file, path + ".magnitude.field", e.getMessage().replaceFirst("^magnitude: ", ""));
            }
            dist = distribution(magnitude, path + ".magnitude", file);
        }
        return new StochasticEvent(idNode.asText(), template, hazardNode.asDouble(), field, dist, from, until,
                desc == null ? "" : desc.asText());
    }

    private static double num(JsonNode m, String key, String path, String file) {
        JsonNode n = m.get(key);
        if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw new ConfigException(file, path + "." + key, "is required: a finite number");
        }
        return n.asDouble();
    }

    private static Function<RandomGenerator, RealDistribution> distribution(JsonNode m, String path, String file) {
        String kind = m.path("distribution").asText("");
        try {
            switch (kind) {
                case "normal" -> {
                    double mean = num(m, "mean", path, file);
                    double sd = num(m, "sd", path, file);
                    new NormalDistribution(null, mean, sd);
                    return rng -> new NormalDistribution(rng, mean, sd);
                }
                case "lognormal" -> {
                    double scale = num(m, "scale", path, file);
                    double shape = num(m, "shape", path, file);
                    new LogNormalDistribution(null, scale, shape);
                    return rng -> new LogNormalDistribution(rng, scale, shape);
                }
                case "uniform" -> {
                    double lo = num(m, "low", path, file);
                    double hi = num(m, "high", path, file);
                    new UniformRealDistribution(null, lo, hi);
                    return rng -> new UniformRealDistribution(rng, lo, hi);
                }
                case "triangular" -> {
                    double lo = num(m, "low", path, file);
                    double mode = num(m, "mode", path, file);
                    double hi = num(m, "high", path, file);
                    new TriangularDistribution(null, lo, mode, hi);
                    return rng -> new TriangularDistribution(rng, lo, mode, hi);
                }
                case "exponential" -> {
                    double mean = num(m, "mean", path, file);
                    new ExponentialDistribution(null, mean);
                    return rng -> new ExponentialDistribution(rng, mean);
                }
                default -> throw new ConfigException(file, path + ".distribution",
                        "must be one of normal, lognormal, uniform, triangular, exponential; was '" + kind + "'");
            }
        } catch (org.apache.commons.math3.exception.MathIllegalArgumentException e) {
            throw new ConfigException(file, path, "invalid distribution parameters: " + e.getMessage());
        }
    }
}
