package io.portcullis.application.port;

import java.util.Map;

/**
 * The public keys that verify the tokens this service signs, for other services to fetch: a JSON
 * Web Key Set (RFC 7517) as plain JSON values (maps, lists, strings), so that nothing on this side
 * of the hexagon sees a key type. Only asymmetric signing publishes keys.
 */
public interface PublishedKeys {

    /** {@code {"keys": [...]}}, every key that may still verify a live token, the signing key first. */
    Map<String, Object> jwkSet();
}
