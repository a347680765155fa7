package eu.cloudmarket.model.events;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reference checks shared by the event records. */
final class Refs {
    private Refs() {
    }

    static void known(String field, String id, Map<String, ?> known, String what, boolean allowAll) {
        if (id == null) {
            throw new IllegalArgumentException(field + ": is required");
        }
        if (allowAll && id.equals("all")) {
            return;
        }
        if (!known.containsKey(id)) {
            throw new IllegalArgumentException(field + ": unknown " + what + " '" + id + "' (known: "
                    + String.join(", ", known.keySet()) + (allowAll ? ", all" : "") + ")");
        }
    }

    static void knownAll(String field, List<String> ids, Map<String, ?> known, String what) {
        if (ids == null || ids.isEmpty()) {
            throw new IllegalArgumentException(field + ": must list at least one " + what + " (or 'all')");
        }
        for (String id : ids) {
            known(field, id, known, what, true);
        }
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+$", "").replaceAll("\\.?0+e", "e");
    }

    static String product(String product) {
        if (product == null) {
            throw new IllegalArgumentException("product: is required (general, ai or both)");
        }
        return switch (product) {
            case "general", "ai", "both" -> product;
            default -> throw new IllegalArgumentException("product: must be general, ai or both, was '" + product + "'");
        };
    }
}
