package eu.cloudmarket.engine;

/**
 * Something that reacts when one of its scheduled events comes due. The integer argument lets one handler serve many
 * entities (for example one handler for all buyer renewals, with the buyer id as argument) without allocating an
 * event object per occurrence.
 */
@FunctionalInterface
public interface EventHandler {
    void onEvent(Scheduler scheduler, int arg);
}
