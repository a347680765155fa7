package eu.cloudmarket.scenario;

/** Dotted key paths ({@code providers.aws.general.price}, {@code events.3.at}) as messages name them. */
final class KeyPath {
    private KeyPath() {
    }

    /** {@code a.b}, or whichever of the two is not empty. */
    static String join(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b == null ? "" : b;
        }
        if (b == null || b.isEmpty()) {
            return a;
        }
        return a + "." + b;
    }
}
