package eu.cloudmarket.estimation;

import eu.cloudmarket.model.ProviderQuarter;
import eu.cloudmarket.model.QuarterSnapshot;
import java.util.List;

/** Lookups in a run's quarters for the {@link Moment} definitions. */
final class Quarters {
    private Quarters() {
    }

    /** The index of the quarter labelled {@code label}; a period outside the run is an IllegalArgumentException. */
    static int index(List<QuarterSnapshot> q, String label) {
        // Labels are consecutive quarters from the run's start, so the index is arithmetic (checked against the label).
        if (!q.isEmpty()) {
            int k = quarterNumber(label) - quarterNumber(q.get(0).label());
            if (k >= 0 && k < q.size() && q.get(k).label().equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("quarter " + label + " is not in the run ("
                + (q.isEmpty() ? "no quarters" : q.get(0).label() + " to " + q.get(q.size() - 1).label()) + ")");
    }

    static QuarterSnapshot at(List<QuarterSnapshot> q, String label) {
        return q.get(index(q, label));
    }

    static double groupShare(QuarterSnapshot s, List<String> ids) {
        double sum = 0;
        for (ProviderQuarter p : s.providers()) {
            if (ids.contains(p.provider())) {
                sum += p.revenueShare();
            }
        }
        return sum;
    }

    static double meanGroupRevenue(List<QuarterSnapshot> q, List<String> labels, List<String> ids) {
        double sum = 0;
        for (String label : labels) {
            for (ProviderQuarter p : at(q, label).providers()) {
                if (ids.contains(p.provider())) {
                    sum += p.revenue();
                }
            }
        }
        return sum / labels.size();
    }

    private static int quarterNumber(String label) {
        return Integer.parseInt(label.substring(0, 4)) * 4 + label.charAt(5) - '1';
    }
}
