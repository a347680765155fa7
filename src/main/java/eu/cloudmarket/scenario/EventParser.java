package eu.cloudmarket.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.engine.QuarterClock;
import eu.cloudmarket.model.StochasticEvent;
import eu.cloudmarket.model.events.MarketEvent;
import eu.cloudmarket.model.events.ScheduledEvent;
import eu.cloudmarket.model.params.MarketParams;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the configured events into model events: each dated event's date into model time on the horizon, and each
 * event body (dated, or the template of a stochastic process) into the record its {@code type} names in
 * {@link EventCatalog}, with the same schema, range and reference checks as the rest of the scenario. Every problem
 * is collected, not only the first.
 */
final class EventParser {
    /** The horizon given to events dropped by horizon.truncateEvents: checked in full, but never out of range. */
    private static final int NO_HORIZON = Integer.MAX_VALUE;

    private final StrictBinder binder;

    EventParser(StrictBinder binder) {
        this.binder = binder;
    }

    /**
     * The dated events in time order; problems are added to {@code problems}.
     *
     * @param truncate whether events after the horizon are dropped (horizon.truncateEvents) rather than refused
     * @param ids      event ids seen so far (ids must be unique across dated and stochastic events)
     */
    List<ScheduledEvent> dated(List<JsonNode> nodes, String file, QuarterClock clock, MarketParams params,
            boolean truncate, Set<String> ids, List<ConfigException> problems) {
        List<ScheduledEvent> events = new ArrayList<>();
        List<JsonNode> eventNodes = nodes == null ? List.of() : nodes;
        for (int n = 0; n < eventNodes.size(); n++) {
            // Events after a shortened horizon are dropped, but still checked in full: a typo in them must not
            // surface only when the horizon is lengthened again.
            boolean dropped = truncate && beyondHorizon(eventNodes.get(n), clock, params.quarters());
            try {
                ScheduledEvent e = parseEvent(eventNodes.get(n), "events." + n, file, clock,
                        dropped ? NO_HORIZON : params.quarters(), params, ids);
                if (!dropped) {
                    events.add(e);
                }
            } catch (ConfigException e) {
                problems.add(e);
            } catch (ConfigProblems p) {
                problems.addAll(p.problems());
            }
        }
        events.sort(Comparator.comparingDouble(ScheduledEvent::time));
        return events;
    }

    /** The stochastic event processes; problems are added to {@code problems}. */
    List<StochasticEvent> stochastic(List<JsonNode> nodes, String file, QuarterClock clock, MarketParams params,
            Set<String> ids, List<ConfigException> problems) {
        List<StochasticEvent> stochastic = new ArrayList<>();
        List<JsonNode> stochasticNodes = nodes == null ? List.of() : nodes;
        for (int n = 0; n < stochasticNodes.size(); n++) {
            try {
                stochastic.add(StochasticEvents.parse(stochasticNodes.get(n), "stochasticEvents." + n, file, clock,
                        params, this, ids));
            } catch (ConfigException e) {
                problems.add(e);
            } catch (ConfigProblems p) {
                problems.addAll(p.problems());
            }
        }
        return stochastic;
    }

    /** Whether an event's date lies after the horizon (used with horizon.truncateEvents). */
    private static boolean beyondHorizon(JsonNode node, QuarterClock clock, int quarters) {
        JsonNode at = node == null ? null : node.get("at");
        if (at == null || !at.isValueNode()) {
            return false;
        }
        String s = at.asText().trim();
        try {
            double t = QuarterClock.isLabel(s) ? clock.indexOf(s) : clock.timeOf(LocalDate.parse(s));
            return t >= quarters;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Converts an {@code at} value (quarter label or ISO date) to model time, checking it lies in the horizon. */
    static double timeOf(JsonNode at, String path, String file, QuarterClock clock, int quarters) {
        if (at == null || at.isNull() || !at.isValueNode()) {
            throw new ConfigException(file, path, "is required: a quarter like 2025Q2 or a date like 2025-06-10");
        }
        String s = at.asText().trim();
        double t;
        if (QuarterClock.isLabel(s)) {
            t = clock.indexOf(s);
        } else {
            try {
                t = clock.timeOf(LocalDate.parse(s));
            } catch (DateTimeParseException e) {
                throw new ConfigException(file, path, "'" + s + "' is neither a quarter like 2025Q2 nor a date like"
                        + " 2025-06-10");
            }
        }
        if (t < 0 || t >= quarters) {
            if (t < 0) {
                throw new ConfigException(file, path, "'" + s + "' is outside the horizon: before its start "
                        + clock.label(0));
            }
            throw new ConfigException(file, path, "'" + s + "' is outside the horizon " + clock.label(0) + ".."
                    + clock.label(quarters - 1)
                    + " (to drop events after a shortened horizon, set horizon.truncateEvents=true)");
        }
        return t;
    }

    /** Keys every dated event may have besides its type's own parameters. */
    static final List<String> EVENT_COMMON_KEYS = List.of("at", "type", "id", "description", "source");

    private ScheduledEvent parseEvent(JsonNode node, String path, String file, QuarterClock clock, int quarters,
            MarketParams params, Set<String> ids) {
        if (node == null || !node.isObject()) {
            throw new ConfigException(file, path, "each event must be a mapping with at, type and its parameters");
        }
        List<ConfigException> problems = new ArrayList<>();
        ObjectNode body = ((ObjectNode) node).deepCopy();
        JsonNode at = body.remove("at");
        JsonNode typeNode = body.remove("type");
        JsonNode desc = body.remove("description");
        JsonNode id = body.remove("id");
        JsonNode source = body.remove("source");
        for (String textKey : List.of("description", "source")) {
            JsonNode v = textKey.equals("description") ? desc : source;
            if (v != null && !v.isNull() && !v.isTextual()) {
                problems.add(new ConfigException(file, path + "." + textKey, "expected a text value, found " + v));
            }
        }
        if (id != null && !id.isTextual()) {
            problems.add(new ConfigException(file, path + ".id", "expected a text value, found " + id));
        } else if (id != null && !ids.add(id.asText())) {
            problems.add(new ConfigException(file, path + ".id", "duplicate event id '" + id.asText() + "'"));
        }
        double t = 0;
        try {
            t = timeOf(at, path + ".at", file, clock, quarters);
        } catch (ConfigException e) {
            problems.add(e);
        }
        MarketEvent event = null;
        try {
            event = eventOf(typeNode, body, path, file, params, EVENT_COMMON_KEYS);
        } catch (ConfigException e) {
            problems.add(e);
        } catch (ConfigProblems p) {
            problems.addAll(p.problems());
        }
        if (!problems.isEmpty()) {
            if (id != null && id.isTextual()) {
                problems.replaceAll(e -> new ConfigException(e.file(), e.path(), e.line(), e.column(),
                        "(event '" + id.asText() + "') " + e.reason()));
            }
            throw problems.size() == 1 ? problems.get(0) : new ConfigProblems(problems);
        }
        String label = at.asText().trim();
        String description = desc == null ? "" : desc.asText();
        if (source != null && !source.asText().isBlank()) {
            description = description.isEmpty() ? source.asText() : description + " " + source.asText();
        }
        return new ScheduledEvent(t, label, event, description);
    }

    /**
     * Binds and checks one event body (without its common keys) as the record named by {@code typeNode}, reporting
     * every unknown key, wrong type and out-of-range value, then the first bad reference.
     *
     * @param commonKeys keys the caller already removed from the body; allowed and used for suggestions
     */
    MarketEvent eventOf(JsonNode typeNode, ObjectNode body, String path, String file, MarketParams params,
            List<String> commonKeys) {
        if (typeNode == null || !typeNode.isTextual()) {
            throw new ConfigException(file, path + ".type", "is required; one of "
                    + String.join(", ", EventCatalog.types().keySet()));
        }
        String type = typeNode.asText();
        Class<? extends MarketEvent> cls = EventCatalog.types().get(type);
        if (cls == null) {
            String s = Suggest.closest(type, new ArrayList<>(EventCatalog.types().keySet()));
            throw new ConfigException(file, path + ".type", "unknown event type '" + type + "'"
                    + (s != null ? " (did you mean '" + s + "'?)" : "") + "; one of "
                    + String.join(", ", EventCatalog.types().keySet()));
        }
        Defaults.fillEvent(cls, body);
        SchemaCheck.Result schema = SchemaCheck.repairing(body, cls, path, file, commonKeys);
        List<ConfigException> problems = new ArrayList<>(schema.problems());
        RangeCheck.Result range = RangeCheck.check(binder.mapper(), body, cls, path, file, schema);
        problems.addAll(range.problems());
        MarketEvent event = null;
        if (range.bindable()) {
            try {
                event = binder.bind(body, file, cls, path);
                event.validate(params);
            } catch (ConfigException e) {
                problems.add(e);
            } catch (IllegalArgumentException e) {
                problems.add(Messages.fieldError(file, path, withSuggestion(e.getMessage())));
            }
        }
        if (!problems.isEmpty()) {
            throw problems.size() == 1 ? problems.get(0) : new ConfigProblems(problems);
        }
        return event;
    }

    private static final Pattern UNKNOWN_REF =
            Pattern.compile("(.*unknown [^']+ '([^']*)')( \\(known: ([^)]*)\\).*)");

    /** Adds "did you mean" to a model reference message such as "provider: unknown provider 'aws2' (known: ...)". */
    static String withSuggestion(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = UNKNOWN_REF.matcher(message);
        if (!m.matches()) {
            return message;
        }
        List<String> known = new ArrayList<>();
        for (String k : m.group(4).split(",\\s*")) {
            if (!k.equals("all")) {
                known.add(k);
            }
        }
        return m.group(1) + Messages.didYouMean(m.group(2), known) + m.group(3);
    }
}
