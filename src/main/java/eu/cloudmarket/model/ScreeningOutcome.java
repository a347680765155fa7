package eu.cloudmarket.model;

/**
 * The outcome of a foreign-investment review of a greenfield build (domain.md §1.5, EU FDI Screening Regulation
 * [S64]). The labels are those of the scenario files.
 */
public enum ScreeningOutcome {
    /** The build goes ahead. */
    APPROVE("approve", 1),
    /** The build goes ahead at a cost premium (mitigation conditions). */
    CONDITION("condition", 2),
    /** The build is blocked; the provider leases the capacity instead. */
    BLOCK("block", 3),
    /** The build is blocked and there is no lease route: the capacity and the country entry it carried are lost. */
    BLOCK_EXIT("block-exit", 4);

    private final String label;
    private final int code;

    ScreeningOutcome(String label, int code) {
        this.label = label;
        this.code = code;
    }

    /** The outcome named in a scenario: approve, condition or block (block-exit is block without lease fallback). */
    public static ScreeningOutcome of(String label) {
        for (ScreeningOutcome o : values()) {
            if (o.label.equals(label)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown screening outcome '" + label + "'");
    }

    public String label() {
        return label;
    }

    /** The number that stands for this outcome in {@link MarketView#stateVector()} (0 there means no standing). */
    double code() {
        return code;
    }

    /** Blocked, with or without a lease route. */
    boolean blocks() {
        return this == BLOCK || this == BLOCK_EXIT;
    }
}
