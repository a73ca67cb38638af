package io.portcullis.domain.profile;

/** One allowed value of a choice field and the name a form shows for it. */
public record Choice(String value, String displayName) {

    public Choice {
        if (value == null || displayName == null) {
            throw new IllegalArgumentException("a choice needs a value and a display name");
        }
    }
}
