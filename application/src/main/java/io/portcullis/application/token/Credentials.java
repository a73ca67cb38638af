package io.portcullis.application.token;

/**
 * What a login hands the client for its session: a JWT pair (access and refresh tokens), or an
 * opaque key, as dj-rest-auth does with {@code USE_JWT} on or off.
 */
public sealed interface Credentials permits TokenPair, OpaqueKey {}
