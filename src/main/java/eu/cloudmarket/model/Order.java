package eu.cloudmarket.model;

/** A capacity order in the pipeline: general capacity, or AI capacity of one chip tier. */
final class Order {
    final int provider;
    final boolean ai;
    /** Chip tier of an AI order, -1 for general capacity. */
    final int tier;
    final double amount;
    /** Cost premium the delivered capacity carries (lease, screening condition). */
    double premium;
    /** Cost index per unit of effective AI capacity at ordering. */
    final double costIndex;
    boolean lease;
    /** Lead time in quarters from ordering. */
    final int lead;
    boolean awaitingReview;
    /** Delivered or cancelled. */
    boolean done;
    /** Country the capacity opens for the provider on delivery, or -1. */
    int country = -1;

    Order(int provider, boolean ai, int tier, double amount, double premium, double costIndex, boolean lease,
            int lead) {
        this.provider = provider;
        this.ai = ai;
        this.tier = tier;
        this.amount = amount;
        this.premium = premium;
        this.costIndex = costIndex;
        this.lease = lease;
        this.lead = lead;
    }
}
