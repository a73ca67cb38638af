package io.portcullis.domain.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages per field, in the order the fields were checked, plus the errors that belong to no
 * single field under {@link #NON_FIELD}. Immutable; build one with {@link #builder()}.
 */
public record ValidationErrors(Map<String, List<String>> byField) {

    public static final String NON_FIELD = "non_field_errors";

    public ValidationErrors {
        var copy = new LinkedHashMap<String, List<String>>();
        byField.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
        byField = Collections.unmodifiableMap(copy);
    }

    public static ValidationErrors of(String field, String... messages) {
        return builder().add(field, messages).build();
    }

    public static ValidationErrors nonField(String message) {
        return of(NON_FIELD, message);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public List<String> messagesFor(String field) {
        return byField.getOrDefault(field, List.of());
    }

    public static final class Builder {
        private final Map<String, List<String>> byField = new LinkedHashMap<>();

        private Builder() {}

        public Builder add(String field, String... messages) {
            return addAll(field, List.of(messages));
        }

        public Builder addAll(String field, List<String> messages) {
            if (!messages.isEmpty()) {
                byField.computeIfAbsent(field, f -> new ArrayList<>()).addAll(messages);
            }
            return this;
        }

        public Builder addAll(ValidationErrors other) {
            other.byField().forEach(this::addAll);
            return this;
        }

        public boolean hasErrors() {
            return !byField.isEmpty();
        }

        public boolean hasErrorFor(String field) {
            return byField.containsKey(field);
        }

        public ValidationErrors build() {
            return new ValidationErrors(byField);
        }
    }
}
