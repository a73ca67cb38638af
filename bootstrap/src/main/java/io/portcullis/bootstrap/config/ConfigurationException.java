package io.portcullis.bootstrap.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration cannot be used: every problem found, reported together so an operator fixes
 * them in one pass. Thrown before anything starts; the message is meant to be printed as it is.
 */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigurationException(List<ConfigProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a configuration exception needs at least one problem");
        }
        String heading = problems.size() == 1
                ? "Portcullis cannot start: 1 configuration problem"
                : "Portcullis cannot start: " + problems.size() + " configuration problems";
        return problems.stream().map(p -> "  - " + p.describe())
                .collect(Collectors.joining(System.lineSeparator(), heading + System.lineSeparator(), ""));
    }
}
