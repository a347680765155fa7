package eu.cloudmarket.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.model.events.CapacityLease;
import eu.cloudmarket.model.events.MarketAccessExclusion;
import eu.cloudmarket.model.events.MarketEvent;
import eu.cloudmarket.model.events.PriceChange;
import eu.cloudmarket.model.events.RegulatoryDesignation;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys a scenario may leave out, with their documented defaults. Binding is otherwise strict: every other key of
 * a record is required, so a forgotten parameter is an error rather than a silent zero.
 */
final class Defaults {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Map<Class<?>, Map<String, JsonNode>> EVENT_DEFAULTS = new LinkedHashMap<>();

    static {
        EVENT_DEFAULTS.put(PriceChange.class, Map.of("basis", F.textNode("list"), "holdQuarters", F.numberNode(0)));
        EVENT_DEFAULTS.put(MarketAccessExclusion.class,
                Map.of("durationQuarters", F.numberNode(0), "incumbentsStay", F.booleanNode(false)));
        EVENT_DEFAULTS.put(eu.cloudmarket.model.events.ProcurementRule.class,
                Map.of("maxExposureUs", F.numberNode(1.0), "maxExposureCn", F.numberNode(1.0),
                        "durationQuarters", F.numberNode(0), "incumbentsStay", F.booleanNode(false)));
        EVENT_DEFAULTS.put(RegulatoryDesignation.class,
                Map.of("removeLicensingWedge", F.booleanNode(false), "complianceLagQuarters", F.numberNode(0)));
        EVENT_DEFAULTS.put(CapacityLease.class, Map.of("costPremium", F.numberNode(0.0), "country", F.nullNode()));
        EVENT_DEFAULTS.put(eu.cloudmarket.model.events.CapacityBuild.class, Map.of("country", F.nullNode()));
        EVENT_DEFAULTS.put(eu.cloudmarket.model.events.InvestmentScreening.class,
                Map.of("leaseFallback", F.booleanNode(true)));
    }

    private static final List<String> OPTIONAL_TOP = List.of("name", "description", "question", "seed",
            "exportControls", "events", "stochasticEvents", "structural");

    private Defaults() {
    }

    static void fillScenario(ObjectNode root) {
        for (String key : OPTIONAL_TOP) {
            if (!root.has(key)) {
                root.putNull(key);
            }
        }
        if (root.get("horizon") instanceof ObjectNode h && !h.has("truncateEvents")) {
            h.put("truncateEvents", false);
        }
        if (root.get("providers") instanceof ObjectNode ps) {
            ps.elements().forEachRemaining(pn -> {
                if (pn instanceof ObjectNode o && !o.has("flowShare")) {
                    o.putNull("flowShare");
                }
            });
        }
        if (root.get("structural") instanceof ObjectNode st) {
            for (String key : List.of("provenance", "providers", "segments", "marketScale")) {
                if (!st.has(key)) {
                    st.putNull(key);
                }
            }
        }
        JsonNode tiers = root.get("chipTiers");
        if (tiers instanceof ObjectNode t) {
            Iterator<JsonNode> it = t.elements();
            while (it.hasNext()) {
                JsonNode tier = it.next();
                if (tier instanceof ObjectNode o && !o.has("volumePerQuarter")) {
                    o.putNull("volumePerQuarter");
                }
            }
        }
    }

    static void fillEvent(Class<? extends MarketEvent> type, ObjectNode body) {
        Map<String, JsonNode> d = EVENT_DEFAULTS.get(type);
        if (d != null) {
            d.forEach((k, v) -> {
                if (!body.has(k)) {
                    body.set(k, v);
                }
            });
        }
    }
}
