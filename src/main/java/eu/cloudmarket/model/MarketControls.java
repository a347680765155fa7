package eu.cloudmarket.model;

/**
 * The controls scenario events (E1–E15, domain.md §3.1) act through: look-ups of the market's providers, segments,
 * countries and chip tiers by id, and one effect per event type. Nothing else of the market is reachable from an
 * event.
 */
public interface MarketControls {
    int providerIndex(String id);

    int segmentIndex(String id);

    int countryIndex(String id);

    int tierIndex(String id);

    int segmentCount();

    /** Indices of one provider, or of all for "all". */
    int[] providersMatching(String id);

    /** Indices of one segment, or of all for "all". */
    int[] segmentsMatching(String id);

    /**
     * E1: multiplies provider j's list prices (held for {@code holdQuarters}) or, with {@code costBasis}, its
     * marginal costs, of {@code product} (general, ai or both).
     */
    void changePrice(int j, String product, double factor, boolean costBasis, int holdQuarters);

    /** E2: export rule for chips of a tier to providers of an origin. */
    void setExportRule(int tier, Origin target, double licenceProbability, double levyShare);

    /** E3: share of foreign chips an origin's providers refuse. */
    void setCounterGuidance(Origin o, double refusalShare);

    /** E4: provider j's access to tier t. */
    void rampTier(int j, int t, double volumePerQuarter, double performance);

    /** E5: a screening decision for provider j, landing after the review delay. */
    void screeningDecision(int j, ScreeningOutcome outcome, double reviewQuarters);

    /** E6: a decaying shock to segments' aversion toward an origin. */
    void addSovereigntyShock(Origin target, double[] perSegment, double halfLifeQuarters);

    /** E7: a sovereign offer lowers provider j's foreign exposure at a cost premium. */
    void launchSovereignOffer(int j, double exposureReduction, double costPremium);

    /** E8: provider j's egress fee level. */
    void setEgressLevel(int j, double level);

    /** E9: provider j's licensing wedge. */
    void setLicensingWedge(int j, double wedge);

    /** E10 and E11: a capacity build or lease as a share of current capacity, optionally entering a country. */
    void orderCapacity(int j, boolean ai, double share, boolean lease, int lead, double premium, int country);

    /** E12: buyers in country c cannot choose provider j (0 quarters: indefinitely). */
    void exclude(int c, int j, int durationQuarters, boolean incumbentsMayStay);

    /**
     * E15: a procurement rule: segment g may contract only with providers whose US and Chinese exposures are at most
     * the limits (0 quarters: indefinitely).
     */
    void restrictProcurement(int g, double maxExposureUs, double maxExposureCn, int durationQuarters,
            boolean incumbentsMayStay);

    /** E13: designation of provider j, effective after the compliance lag. */
    void designate(int j, double switchingTechMultiplier, boolean removeWedge, int lagQuarters);

    /** E14: a shock to segment g's workload growth and AI intensity. */
    void shockAiDemand(int g, double growthMultiplier, double gpuIntensityMultiplier);
}
