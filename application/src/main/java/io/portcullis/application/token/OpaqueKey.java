package io.portcullis.application.token;

import java.util.Objects;

/** The key of a session in token mode, to be sent as {@code Authorization: Token <key>}. */
public record OpaqueKey(String key) implements Credentials {

    public OpaqueKey {
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
        return "OpaqueKey[hidden]";
    }
}
