package eu.cloudmarket.scenario;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" suggestions for misspelt keys, by Damerau–Levenshtein (optimal string alignment) distance. */
public final class Suggest {
    /** Words up to this long get at most {@link #SHORT_WORD_EDITS} edit: in short words two edits make another word. */
    private static final int SHORT_WORD = 5;
    private static final int SHORT_WORD_EDITS = 1;
    /** Longer words allow one edit per this many letters, but at least {@link #MIN_EDITS} (assumption). */
    private static final int LETTERS_PER_EDIT = 3;
    private static final int MIN_EDITS = 2;

    private Suggest() {
    }

    /** The closest candidate within distance max(2, length/3) (1 for words of up to 5 letters), or null. */
    public static String closest(String word, Collection<String> candidates) {
        if (word == null) {
            return null;
        }
        String best = null;
        int bestD = Integer.MAX_VALUE;
        String w = word.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        int limit = word.length() <= SHORT_WORD ? SHORT_WORD_EDITS
                : Math.max(MIN_EDITS, word.length() / LETTERS_PER_EDIT);
        return bestD > 0 && bestD <= limit ? best : null;
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
