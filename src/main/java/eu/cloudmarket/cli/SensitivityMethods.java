package eu.cloudmarket.cli;

import eu.cloudmarket.experiment.Failure;
import java.util.List;
import java.util.Locale;

/** Checks a method name given on the command line against the ones a command knows. */
final class SensitivityMethods {
    private SensitivityMethods() {
    }

    /** The method in lower case; exit 2 naming the option and the known methods if it is not one of them. */
    static String check(String option, String given, String... known) {
        String m = given.trim().toLowerCase(Locale.ROOT);
        if (!List.of(known).contains(m)) {
            throw Failure.badInput(option + ": unknown method '" + given + "' (known: " + String.join(", ", known)
                    + ")");
        }
        return m;
    }
}
