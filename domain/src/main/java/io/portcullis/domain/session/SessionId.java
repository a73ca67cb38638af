package io.portcullis.domain.session;

/** Identifies one login: the family of refresh tokens (and the access tokens) it gave out. */
public record SessionId(String value) {

    public SessionId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("a session id is 1 to 64 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
