package io.portcullis.adapters.rest.body;

import io.portcullis.domain.validation.FieldInput;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields of a request body, in the order the client sent them, each as the client sent it. */
public record RequestFields(Map<String, FieldInput> values) {

    public static final RequestFields EMPTY = new RequestFields(Map.of());

    public RequestFields {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The field, or {@link FieldInput#absent()} when the body does not have it. */
    public FieldInput get(String name) {
        return values.getOrDefault(name, FieldInput.absent());
    }

    /** An empty body when Jersey hands us none at all. */
    public static RequestFields orEmpty(RequestFields fields) {
        return fields == null ? EMPTY : fields;
    }
}
