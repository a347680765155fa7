package eu.cloudmarket.estimation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a target's {@code metric} and {@code period} into a {@link Moment}, given the providers of the scenario and
 * named provider groups. A group name or a single provider id may stand before {@code _revenue_share} and
 * {@code _revenue_ratio_vs_<year>}. Unknown metrics, groups and providers are refused with the reason.
 */
public final class MomentCatalogue {
    /**
     * The groups the targets file names: the European providers (one aggregated agent, id {@code eu}) and the Big-3
     * (Amazon, Microsoft, Google [S4][S5]).
     */
    public static final Map<String, List<String>> DEFAULT_GROUPS = defaults();
    /** The metrics besides the group ones, for messages. */
    public static final List<String> METRICS = List.of("market_revenue", "<group>_revenue_share",
            "<group>_revenue_ratio_vs_<year>", "annual_switching_rate_installed", "quality_adjusted_price_change");
    private static final String SHARE = "_revenue_share";
    private static final Pattern RATIO = Pattern.compile("(.+)_revenue_ratio_vs_(\\d{4})");

    private final List<String> providers;
    private final Map<String, List<String>> groups;

    /**
     * @param providers the provider ids of the scenario
     * @param groups    named groups of provider ids (every member must be a provider)
     */
    public MomentCatalogue(List<String> providers, Map<String, List<String>> groups) {
        this.providers = List.copyOf(providers);
        this.groups = new LinkedHashMap<>(groups);
        for (Map.Entry<String, List<String>> g : groups.entrySet()) {
            for (String id : g.getValue()) {
                if (!providers.contains(id)) {
                    throw new IllegalArgumentException("group '" + g.getKey() + "' names unknown provider '" + id
                            + "' (providers: " + String.join(", ", providers) + ")");
                }
            }
        }
    }

    /** The moment of {@code metric} over {@code period}; throws IllegalArgumentException naming what is wrong. */
    public Moment moment(String metric, String period) {
        Period p = Period.parse(period);
        String m = metric.trim();
        switch (m) {
            case "market_revenue":
                return new Moment.MarketRevenue(p);
            case "annual_switching_rate_installed":
                return new Moment.SwitchingRate(p);
            case "quality_adjusted_price_change":
                if (p.isQuarter()) {
                    throw new IllegalArgumentException("metric '" + m + "' needs a year or a span of years, not the"
                            + " quarter " + period);
                }
                return new Moment.PriceTrend(p);
            default:
                break;
        }
        if (m.endsWith(SHARE) && m.length() > SHARE.length()) {
            return new Moment.GroupShare(p, members(m.substring(0, m.length() - SHARE.length()), m));
        }
        Matcher r = RATIO.matcher(m);
        if (r.matches()) {
            return new Moment.GroupRevenueRatio(p, members(r.group(1), m), Integer.parseInt(r.group(2)));
        }
        throw new IllegalArgumentException("unknown metric '" + m + "'; known: " + String.join(", ", METRICS));
    }

    private List<String> members(String name, String metric) {
        if (groups.containsKey(name)) {
            return groups.get(name);
        }
        if (providers.contains(name)) {
            return List.of(name);
        }
        List<String> known = new ArrayList<>(groups.keySet());
        known.addAll(providers);
        throw new IllegalArgumentException("metric '" + metric + "' names unknown provider or group '" + name
                + "' (known: " + String.join(", ", known) + ")");
    }

    private static Map<String, List<String>> defaults() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("eu_providers", List.of("eu"));
        g.put("big3", List.of("aws", "azure", "google"));
        return java.util.Collections.unmodifiableMap(g);
    }
}
