/**
 * Security adapters: the JWT token codec and the password hashers behind the application's ports.
 * Only bootstrap refers to these classes; the use cases see {@code TokenCodec} and {@code PasswordHasher}.
 */
package io.portcullis.adapters.security;
