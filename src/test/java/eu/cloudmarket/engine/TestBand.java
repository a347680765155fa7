package eu.cloudmarket.engine;

/** Bands for the engine's own tests: six ranks with no meaning beyond their order. */
enum TestBand implements Band {
    FIRST,
    SECOND,
    THIRD,
    FOURTH,
    FIFTH,
    SIXTH;

    @Override
    public int rank() {
        return ordinal();
    }
}
