package io.portcullis.adapters.rest.auth;

import io.portcullis.adapters.rest.client.Clients;
import io.portcullis.application.token.AuthenticateKey;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Token mode: authenticates the requests of {@link Authenticated} endpoints as DRF's
 * TokenAuthentication does, from {@code Authorization: Token <key>} (the keyword in any letter
 * case); a header of another scheme means no credentials. Answers carry {@code WWW-Authenticate: Token}.
 */
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public final class KeyAuthenticationFilter implements ContainerRequestFilter {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    static final String KEYWORD = "token";

    private final AuthenticateKey authenticate;

    @Inject
    public KeyAuthenticationFilter(AuthenticateKey authenticate) {
        this.authenticate = authenticate;
    }

    /**
     * The key of an {@code Authorization} header: empty for none or another scheme; the answer to
     * send back for a malformed one.
     */
    public sealed interface Presented {
        record None() implements Presented {}

        record Key(String key) implements Presented {}

        record Malformed(jakarta.ws.rs.core.Response answer) implements Presented {}
    }

    public static Presented presented(String header) {
        if (header == null || header.isBlank()) {
            return new Presented.None();
        }
        String[] parts = WHITESPACE.split(header.strip());
        if (!parts[0].toLowerCase(Locale.ROOT).equals(KEYWORD)) {
            return new Presented.None();
        }
        if (parts.length == 1) {
            return new Presented.Malformed(Unauthorized.badKeyHeader(true));
        }
        if (parts.length > 2) {
            return new Presented.Malformed(Unauthorized.badKeyHeader(false));
        }
        return new Presented.Key(parts[1]);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        switch (presented(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            case Presented.None none -> request.abortWith(Unauthorized.keyNotProvided());
            case Presented.Malformed malformed -> request.abortWith(malformed.answer());
            case Presented.Key key -> {
                switch (authenticate.authenticate(key.key(), Clients.of(request))) {
                    case AuthenticateKey.Outcome.Authenticated ok -> request.setSecurityContext(new AccountSecurityContext(
                            new AccountPrincipal(ok.account(), ok.session()), request.getSecurityContext().isSecure()));
                    case AuthenticateKey.Outcome.Refused refused -> request.abortWith(Unauthorized.keyRefused(refused.reason()));
                }
            }
        }
    }
}
