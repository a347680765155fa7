package eu.cloudmarket.output;

import java.util.Map;

/** Display names for the ids that appear in result files (providers, segments, chip tiers, event types). */
public final class Labels {
    private static final Map<String, String> PROVIDERS = Map.of("aws", "AWS", "azure", "Azure", "google", "Google",
            "eu", "EU providers", "alibaba", "Alibaba", "other", "Other", RunTables.ON_PREMISES, "On premises");
    private static final Map<String, String> SHORT = Map.of("eu", "EU", RunTables.ON_PREMISES, "On-prem.");
    private static final Map<String, String> SEGMENTS = Map.of("public", "Public sector", "regulated",
            "Regulated industries", "large", "Large enterprises", "sme", "SMEs", "ailab", "AI labs and start-ups");
    private static final Map<String, String> TIERS = Map.of("frontier", "Frontier (H100/B-class)", "h200", "H200",
            "compliant", "H20-class (compliant)", "domestic", "Domestic (CN)");

    private Labels() {
    }

    public static String provider(String id) {
        return PROVIDERS.getOrDefault(id, id);
    }

    /** An even shorter name, for the labels of a matrix. */
    public static String providerShort(String id) {
        return SHORT.getOrDefault(id, provider(id));
    }

    public static String segment(String id) {
        return SEGMENTS.getOrDefault(id, id);
    }

    public static String tier(String id) {
        return TIERS.getOrDefault(id, id);
    }

    /** A short description of an event for a chart key, e.g. "Export controls: compliant". */
    public static String event(String type, String target) {
        String t = switch (type) {
            case "price_change" -> "Price change";
            case "export_control_change" -> "Export controls";
            case "counter_guidance" -> "Counter-guidance";
            case "domestic_chip_ramp" -> "Domestic chip ramp";
            case "investment_screening" -> "Investment screening";
            case "sovereignty_shock" -> "Sovereignty shock";
            case "sovereign_offer_launch" -> "Sovereign offer";
            case "switching_fee_change" -> "Switching fees";
            case "licensing_remedy" -> "Licensing remedy";
            case "capacity_lease" -> "Capacity lease";
            case "capacity_build" -> "Capacity build";
            case "market_access_exclusion" -> "Market exclusion";
            case "procurement_rule" -> "Procurement rule";
            case "regulatory_designation" -> "Designation";
            case "ai_demand_shock" -> "AI demand shock";
            default -> type.replace('_', ' ');
        };
        if (target == null || target.isBlank()) {
            return t;
        }
        String tg = target.length() > 14 ? target.substring(0, 13) + "…" : target;
        return t + ": " + tg;
    }
}
