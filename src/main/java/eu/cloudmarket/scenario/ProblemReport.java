package eu.cloudmarket.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The problems of one load as the user sees them: each located at the file line (or the command-line option) its
 * key path came from, duplicates dropped, in reading order.
 */
final class ProblemReport {
    private ProblemReport() {
    }

    /** The exception to throw: the single problem, or all of them as a {@link ConfigProblems}. */
    static RuntimeException of(List<ConfigException> problems, String fileName, JsonNode tree, SourceMap sources) {
        List<ConfigException> located = new ArrayList<>();
        for (ConfigException e : problems) {
            ConfigException l = locate(e, fileName, tree, sources);
            if (located.stream().noneMatch(o -> o.getMessage().equals(l.getMessage()))) {
                located.add(l);
            }
        }
        return located.size() == 1 ? located.get(0) : new ConfigProblems(inReadingOrder(located));
    }

    /**
     * Problems grouped by where they come from (files and options, in order of first appearance), each group sorted by
     * line and column; problems without a position keep their order after those with one.
     */
    private static List<ConfigException> inReadingOrder(List<ConfigException> problems) {
        List<String> origins = new ArrayList<>();
        for (ConfigException e : problems) {
            String o = String.valueOf(e.file());
            if (!origins.contains(o)) {
                origins.add(o);
            }
        }
        List<ConfigException> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.<ConfigException>comparingInt(e -> origins.indexOf(String.valueOf(e.file())))
                .thenComparingInt(e -> e.line() > 0 ? e.line() : Integer.MAX_VALUE)
                .thenComparingInt(e -> e.column() > 0 ? e.column() : Integer.MAX_VALUE));
        return sorted;
    }

    /** Adds the file position (or the command-line option) that a problem's key path came from. */
    private static ConfigException locate(ConfigException e, String fileName, JsonNode tree, SourceMap sources) {
        if (e.line() > 0 || e.path() == null || !fileName.equals(e.file())) {
            return e;
        }
        SourceMap.Position at = sources.locate(tree, e.path());
        if (at == null) {
            return e;
        }
        // After 'extends', events are numbered in the merged list; name them as numbered in the file they are in.
        String path = sources.pathInFile(tree, e.path());
        return new ConfigException(at.origin(), path, at.line(), at.column(), e.reason());
    }
}
