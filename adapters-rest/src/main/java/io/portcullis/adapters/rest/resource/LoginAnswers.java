package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.cookie.TokenCookies;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.token.Credentials;
import io.portcullis.application.token.OpaqueKey;
import io.portcullis.application.token.TokenPair;
import io.portcullis.domain.account.Account;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The answer to a successful login, as dj-rest-auth's LoginView.get_response writes it: the JWT
 * pair and the user (with the expiry times when configured, the token cookies when configured),
 * or the key in token mode. login/ and the social login and connect endpoints all answer with it.
 */
final class LoginAnswers {

    private final TokenCookies cookies;
    private final UserRepresentation users;
    private final boolean returnExpiration;
    private final boolean tokensInBody;

    LoginAnswers(RestSettings settings, Clock clock) {
        this.cookies = new TokenCookies(settings.cookies(), clock);
        this.users = new UserRepresentation(settings.account().userFields());
        this.returnExpiration = settings.returnExpiration();
        this.tokensInBody = settings.cookies().tokensInBody();
    }

    Response loggedIn(Account account, Credentials credentials, ContainerRequestContext request) {
        return switch (credentials) {
            case TokenPair tokens -> withTokens(account, tokens, request);
            case OpaqueKey key -> Answers.withTokens(200, new TokenBodies.Key(key.key()), List.of());
        };
    }

    private Response withTokens(Account account, TokenPair tokens, ContainerRequestContext request) {
        String access = tokensInBody ? tokens.access() : "";
        String refresh = cookies.hidesRefreshFromBody() || !tokensInBody ? "" : tokens.refresh();
        Map<String, Object> user = users.of(account);
        Object body = returnExpiration
                ? new TokenBodies.WithUserAndExpiration(access, refresh, user,
                        Timestamps.iso(tokens.accessExpiresAt()), Timestamps.iso(tokens.refreshExpiresAt()))
                : new TokenBodies.WithUser(access, refresh, user);
        return Answers.withTokens(200, body, cookies.issued(tokens, request.getCookies(), true));
    }
}
