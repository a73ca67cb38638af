package io.portcullis.application.token;

import java.time.Instant;

/** An access token and the refresh token that renews it, with their expiry times. */
public record TokenPair(String access, String refresh, Instant accessExpiresAt, Instant refreshExpiresAt)
        implements Credentials {

    @Override
    public String toString() {
        return "TokenPair[access expires " + accessExpiresAt + ", refresh expires " + refreshExpiresAt + "]";
    }
}
