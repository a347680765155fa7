package eu.cloudmarket.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/** The input kinds {@code validate} knows, in the order they are asked (the scenario kind last: it takes anything). */
public final class InputKinds {
    private InputKinds() {
    }

    /** All kinds. Add new kinds before {@link Scenarios}. */
    public static List<InputKind> all() {
        return List.of(new Scenarios());
    }

    /** The first kind that recognises {@code top}. */
    public static InputKind of(ObjectNode top) {
        for (InputKind k : all()) {
            if (k.recognises(top)) {
                return k;
            }
        }
        throw new IllegalStateException("the scenario kind recognises every mapping");
    }

    /** Scenario files: everything {@code run} accepts. */
    public static final class Scenarios implements InputKind {
        @Override
        public String name() {
            return "scenario";
        }

        @Override
        public boolean recognises(ObjectNode top) {
            return true;
        }

        @Override
        public void validate(Path file, List<String> sets) {
            new ScenarioLoader().load(file, sets, null);
        }
    }
}
