package io.portcullis.bootstrap.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a setting came from, precise enough for an operator to find it: the file, the
 * environment variable or the system property by name.
 */
public record ConfigSource(Kind kind, String name) {

    /**
     * The layers, lowest precedence first; the command line only ever names the config file.
     * {@code UNSET} stands for a key that no layer sets and that has no default.
     */
    public enum Kind {
        UNSET,
        DEFAULT,
        FILE,
        ENVIRONMENT,
        SYSTEM_PROPERTY,
        COMMAND_LINE
    }

    private static final ConfigSource BUILT_IN = new ConfigSource(Kind.DEFAULT, "");
    private static final ConfigSource UNSET = new ConfigSource(Kind.UNSET, "");

    public ConfigSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static ConfigSource builtIn() {
        return BUILT_IN;
    }

    public static ConfigSource unset() {
        return UNSET;
    }

    public static ConfigSource file(Path path) {
        return new ConfigSource(Kind.FILE, path.toString());
    }

    public static ConfigSource environment(String variable) {
        return new ConfigSource(Kind.ENVIRONMENT, variable);
    }

    public static ConfigSource systemProperty(String property) {
        return new ConfigSource(Kind.SYSTEM_PROPERTY, property);
    }

    public static ConfigSource commandLine(String option) {
        return new ConfigSource(Kind.COMMAND_LINE, option);
    }

    /** For messages: "environment variable PORTCULLIS_HTTP_PORT", "config file /etc/portcullis.properties". */
    public String describe() {
        return switch (kind) {
            case UNSET -> "not set";
            case DEFAULT -> "built-in default";
            case FILE -> "config file " + name;
            case ENVIRONMENT -> "environment variable " + name;
            case SYSTEM_PROPERTY -> "system property " + name;
            case COMMAND_LINE -> "command line option " + name;
        };
    }

    @Override
    public String toString() {
        return describe();
    }
}
