package io.portcullis.bootstrap.config;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One thing wrong with the configuration: the setting or settings involved, each with its source,
 * and what is wrong. The message never quotes the value of a secret setting.
 */
public record ConfigProblem(List<Location> locations, String message) {

    /** A setting's key and the source its value came from (the value itself is never kept here). */
    public record Location(String key, ConfigSource source) {

        public Location {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(source, "source");
        }

        public String describe() {
            return key + " (" + source.describe() + ")";
        }
    }

    public ConfigProblem {
        locations = List.copyOf(locations);
        Objects.requireNonNull(message, "message");
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("a configuration problem names at least one setting");
        }
    }

    public static ConfigProblem of(String key, ConfigSource source, String message) {
        return new ConfigProblem(List.of(new Location(key, source)), message);
    }

    /** The keys involved, in the order the message names them. */
    public List<String> keys() {
        return locations.stream().map(Location::key).toList();
    }

    public String describe() {
        return locations.stream().map(Location::describe).collect(Collectors.joining(" and ")) + ": " + message;
    }

    @Override
    public String toString() {
        return describe();
    }
}
