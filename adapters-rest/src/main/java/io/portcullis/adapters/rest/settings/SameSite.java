package io.portcullis.adapters.rest.settings;

/** The SameSite attribute of the token cookies, written as Django writes it. */
public enum SameSite {
    LAX("Lax"),
    STRICT("Strict"),
    NONE("None");

    private final String attribute;

    SameSite(String attribute) {
        this.attribute = attribute;
    }

    public String attribute() {
        return attribute;
    }
}
