package io.portcullis.domain.validation;

/**
 * One field of a request as the client sent it, before any rule has looked at it.
 * Absent and null are different answers in the HTTP contract, so they stay different here.
 */
public sealed interface FieldInput {

    record Absent() implements FieldInput {}

    record Null() implements FieldInput {}

    /** A value the client sent as text (numbers arrive here in their textual form). */
    record Text(String value) implements FieldInput {
        public Text {
            if (value == null) {
                throw new IllegalArgumentException("text input needs a value; use FieldInput.nullValue()");
            }
        }
    }

    /** A value of a shape no text field accepts: a list, an object or a boolean. */
    record NotText(String shape) implements FieldInput {}

    FieldInput ABSENT = new Absent();
    FieldInput NULL = new Null();

    static FieldInput absent() {
        return ABSENT;
    }

    static FieldInput nullValue() {
        return NULL;
    }

    static FieldInput of(String value) {
        return value == null ? NULL : new Text(value);
    }

    default boolean isAbsent() {
        return this instanceof Absent;
    }
}
