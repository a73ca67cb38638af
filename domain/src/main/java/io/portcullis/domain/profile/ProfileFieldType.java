package io.portcullis.domain.profile;

public enum ProfileFieldType {
    /** Free text, optionally limited in length or by a pattern. */
    TEXT,
    /** One value out of a declared list. */
    CHOICE
}
