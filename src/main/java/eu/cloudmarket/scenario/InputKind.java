package eu.cloudmarket.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * A kind of input file that {@code validate} can check without running it: a scenario, a sweep specification, and
 * whatever comes next. {@code validate} reads the file once (refusing missing, empty, binary and malformed files),
 * asks each registered kind in {@link InputKinds#all()} in turn whether it recognises the top-level mapping, and lets
 * the first that does check the file completely.
 *
 * <p>Sweep files are recognised by {@code experiment.sweep.SweepKind} (sweeps live above this layer); another kind
 * of this layer is listed in {@link InputKinds#all()} before the scenario kind, which recognises everything.
 */
public interface InputKind {
    /** Short name shown by {@code validate}, e.g. {@code scenario} or {@code sweep}. */
    String name();

    /** Whether a file whose top-level mapping is {@code top} is of this kind (e.g. a sweep has a 'base' key). */
    boolean recognises(ObjectNode top);

    /**
     * Checks the file completely, without running anything.
     *
     * @param file the file
     * @param sets {@code key=value} overrides given on the command line, applied as {@code run} would
     * @throws ConfigException a single problem
     * @throws ConfigProblems  several problems, all of them
     */
    void validate(Path file, List<String> sets);
}
