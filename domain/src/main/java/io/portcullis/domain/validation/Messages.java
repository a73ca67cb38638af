package io.portcullis.domain.validation;

/**
 * The user-facing texts of field validation. They repeat dj-rest-auth's wording on purpose, so
 * that a frontend written against it shows the same messages.
 */
public final class Messages {

    public static final String REQUIRED = "This field is required.";
    public static final String BLANK = "This field may not be blank.";
    public static final String NULL = "This field may not be null.";
    public static final String NOT_TEXT = "Not a valid string.";
    public static final String INVALID_EMAIL = "Enter a valid email address.";
    public static final String INVALID_USERNAME =
            "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.";
    public static final String INVALID_VALUE = "Invalid value";
    public static final String PATTERN_MISMATCH = "This value does not match the required pattern.";

    private Messages() {}

    public static String tooLong(int maxLength) {
        return "Ensure this field has no more than " + maxLength + " characters.";
    }

    public static String tooShort(int minLength) {
        return "Ensure this field has at least " + minLength + " characters.";
    }

    public static String notAChoice(String value) {
        return "\"" + value + "\" is not a valid choice.";
    }

}
