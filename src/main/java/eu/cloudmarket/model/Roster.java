package eu.cloudmarket.model;

import eu.cloudmarket.model.params.ChipTierParams;
import eu.cloudmarket.model.params.MarketParams;
import eu.cloudmarket.model.params.ProviderParams;
import eu.cloudmarket.model.params.SegmentParams;
import java.util.HashMap;
import java.util.Map;

/**
 * Who is in the market: its providers, buyer segments, countries and chip tiers, each with an index (the position in
 * the configuration) and its parameters. Fixed for a run.
 */
final class Roster {
    /** Largest number of providers, segments or countries: buyers store their indices in bytes. */
    private static final int MAX_ENTITIES = 100;

    final int nP;
    final int nG;
    final int nC;
    final int nT;
    final ProviderParams[] pp;
    final SegmentParams[] sp;
    final ChipTierParams[] tp;
    final Origin[] origin;
    private final String[] providerIds;
    private final String[] segmentIds;
    private final String[] countryIds;
    private final String[] tierIds;
    private final Map<String, Integer> providerIdx = new HashMap<>();
    private final Map<String, Integer> segmentIdx = new HashMap<>();
    private final Map<String, Integer> countryIdx = new HashMap<>();
    private final Map<String, Integer> tierIdx = new HashMap<>();

    Roster(MarketParams params) {
        nP = params.providers().size();
        nG = params.segments().size();
        nC = params.countries().size();
        nT = params.chipTiers().size();
        if (nP > MAX_ENTITIES || nG > MAX_ENTITIES || nC > MAX_ENTITIES) {
            throw new IllegalArgumentException("at most 100 providers, segments and countries are supported");
        }
        providerIds = params.providers().keySet().toArray(new String[0]);
        segmentIds = params.segments().keySet().toArray(new String[0]);
        countryIds = params.countries().keySet().toArray(new String[0]);
        tierIds = params.chipTiers().keySet().toArray(new String[0]);
        index(providerIds, providerIdx);
        index(segmentIds, segmentIdx);
        index(countryIds, countryIdx);
        index(tierIds, tierIdx);
        pp = params.providers().values().toArray(new ProviderParams[0]);
        sp = params.segments().values().toArray(new SegmentParams[0]);
        tp = params.chipTiers().values().toArray(new ChipTierParams[0]);
        origin = new Origin[nP];
        for (int j = 0; j < nP; j++) {
            origin[j] = pp[j].origin();
        }
    }

    private static void index(String[] ids, Map<String, Integer> out) {
        for (int i = 0; i < ids.length; i++) {
            out.put(ids[i], i);
        }
    }

    /** The nest (origin) of each provider in the buyers' nested logit. */
    int[] nestOf() {
        int[] nestOf = new int[nP];
        for (int j = 0; j < nP; j++) {
            nestOf[j] = origin[j].ordinal();
        }
        return nestOf;
    }

    int providerIndex(String id) {
        return lookup(providerIdx, id, "provider");
    }

    int segmentIndex(String id) {
        return lookup(segmentIdx, id, "segment");
    }

    int countryIndex(String id) {
        return lookup(countryIdx, id, "country");
    }

    int tierIndex(String id) {
        return lookup(tierIdx, id, "chip tier");
    }

    private static int lookup(Map<String, Integer> idx, String id, String what) {
        Integer i = idx.get(id);
        if (i == null) {
            throw new IllegalArgumentException("unknown " + what + " '" + id + "'");
        }
        return i;
    }

    /** Index of the provider's first (preferred) chip tier. */
    int preferredTier(int j) {
        return tierIndex(pp[j].chips().get(0));
    }

    String providerId(int j) {
        return providerIds[j];
    }

    String segmentId(int g) {
        return segmentIds[g];
    }

    String countryId(int c) {
        return countryIds[c];
    }

    String tierId(int t) {
        return tierIds[t];
    }

    /** Indices of one provider, or of all for "all". */
    int[] providersMatching(String id) {
        return "all".equals(id) ? all(nP) : new int[] {providerIndex(id)};
    }

    /** Indices of one segment, or of all for "all". */
    int[] segmentsMatching(String id) {
        return "all".equals(id) ? all(nG) : new int[] {segmentIndex(id)};
    }

    private static int[] all(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }
}
