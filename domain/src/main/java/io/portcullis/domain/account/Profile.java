package io.portcullis.domain.account;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The custom attributes an account carries (the article's gender and phone number), by field name. */
public record Profile(Map<String, String> values) {

    public static final Profile EMPTY = new Profile(Map.of());

    public Profile {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Optional<String> get(String field) {
        return Optional.ofNullable(values.get(field));
    }

    public Profile with(Map<String, String> changes) {
        var merged = new LinkedHashMap<>(values);
        merged.putAll(changes);
        return new Profile(merged);
    }
}
