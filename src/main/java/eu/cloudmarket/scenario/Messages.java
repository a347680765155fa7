package eu.cloudmarket.scenario;

import java.util.Collection;

/** Wording shared by the checks: library messages cut to one line, suggestions, record precondition messages. */
final class Messages {
    private Messages() {
    }

    /** The first line of a (library) message, trimmed. */
    static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl >= 0 ? s.substring(0, nl) : s).trim();
    }

    /** " (did you mean 'x'?)" for the closest known word, or "" when none is close. */
    static String didYouMean(String word, Collection<String> known) {
        String s = Suggest.closest(word, known);
        return s == null ? "" : " (did you mean '" + s + "'?)";
    }

    /** Splits a record precondition message "field: reason" into the key path and the reason. */
    static ConfigException fieldError(String file, String path, String message) {
        if (message == null) {
            return new ConfigException(file, path, "invalid value");
        }
        int colon = message.indexOf(": ");
        if (colon > 0 && message.substring(0, colon).matches("[A-Za-z0-9_.]+")) {
            return new ConfigException(file, KeyPath.join(path, message.substring(0, colon)),
                    message.substring(colon + 2));
        }
        return new ConfigException(file, path, message);
    }
}
