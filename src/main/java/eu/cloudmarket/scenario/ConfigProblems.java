package eu.cloudmarket.scenario;

import java.util.List;

/** Several configuration problems found in one pass; the first is the headline, all are listed by {@code validate}. */
public final class ConfigProblems extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<ConfigException> problems;

    public ConfigProblems(List<ConfigException> problems) {
        super(problems.get(0).getMessage() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigException> problems() {
        return problems;
    }
}
