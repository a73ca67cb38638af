package io.portcullis.adapters.social.oidc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.portcullis.adapters.social.http.ClientCredentials;
import io.portcullis.adapters.social.http.OAuthError;
import io.portcullis.adapters.social.http.ProviderAnswer;
import io.portcullis.adapters.social.http.ProviderHttp;
import io.portcullis.application.port.IdentityProvider;
import io.portcullis.application.port.IdentityRejectedException;
import io.portcullis.application.port.ExternalIdentity;
import io.portcullis.application.port.ProviderProof;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenID Connect provider: an authorization code is exchanged at its token endpoint and the ID
 * token that comes back is checked; an ID token is checked alone; an access token is taken to its
 * userinfo endpoint.
 */
public final class OpenIdConnectProvider implements IdentityProvider {

    private static final TypeReference<Map<String, Object>> CLAIMS = new TypeReference<>() {
    };

    private final String id;
    private final ClientCredentials client;
    private final ProviderHttp http;
    private final Discovery discovery;
    private final IdTokenVerifier verifier;

    /**
     * @param id the provider's name in paths and messages
     * @param issuer where the discovery document is, and what it must name as the issuer
     * @param clock the time ID tokens are checked against
     */
    public OpenIdConnectProvider(String id, URI issuer, ClientCredentials client, ProviderHttp http, Clock clock) {
        this.id = Objects.requireNonNull(id, "id");
        this.client = Objects.requireNonNull(client, "client");
        this.http = Objects.requireNonNull(http, "http");
        this.discovery = new Discovery(Objects.requireNonNull(issuer, "issuer"), http, clock);
        this.verifier = new IdTokenVerifier(id, client.id(), new SigningKeys(http, clock), clock);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ExternalIdentity identify(ProviderProof proof) {
        Objects.requireNonNull(proof, "proof");
        return switch (proof) {
            case ProviderProof.AuthorizationCode code -> fromCode(code);
            case ProviderProof.IdToken idToken -> fromIdToken(idToken.idToken(), idToken.nonce());
            case ProviderProof.AccessToken accessToken -> fromAccessToken(accessToken.accessToken());
        };
    }

    private ExternalIdentity fromIdToken(String idToken, Optional<String> nonce) {
        SignedJWT signed = verifier.signedToken(idToken);
        return identity(verifier.verify(signed, discovery.metadata(), nonce));
    }

    private ExternalIdentity fromCode(ProviderProof.AuthorizationCode code) {
        ProviderMetadata metadata = discovery.metadata();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code.code());
        code.redirectUri().ifPresent(uri -> form.put("redirect_uri", uri));
        code.codeVerifier().ifPresent(verifier -> form.put("code_verifier", verifier));
        HttpRequest.Builder request = http.request(metadata.tokenEndpoint())
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded");
        authenticate(metadata, form, request);
        ProviderAnswer answer = http.send(request.POST(ProviderHttp.form(form)).build(), "token endpoint");
        if (answer.isSuccess()) {
            JsonNode tokens = answer.jsonObject();
            JsonNode idToken = tokens.get("id_token");
            if (idToken == null || !idToken.isTextual()) {
                throw answer.notProtocol("a token response with an ID token (is 'openid' among the scopes?)");
            }
            return identity(verifier.verify(verifier.signedToken(idToken.asText()), metadata, code.nonce()));
        }
        if (answer.status() == 400 || answer.status() == 401) {
            List<String> presented = new ArrayList<>(List.of(code.code(), client.secret()));
            code.codeVerifier().ifPresent(presented::add);
            throw answer.jsonObjectIfAny().flatMap(OAuthError::from)
                    .map(error -> error.rejection(id, "the authorization code", presented))
                    .orElseThrow(answer::unexpected);
        }
        throw answer.unexpected();
    }

    private ExternalIdentity identity(JWTClaimsSet claims) {
        return ClaimsIdentity.from(id, claims.getClaims());
    }

    // client_secret_basic is the specification's default; client_secret_post when only that is offered.
    private void authenticate(ProviderMetadata metadata, Map<String, String> form, HttpRequest.Builder request) {
        if (!client.hasSecret()) {
            form.put("client_id", client.id());
        } else if (metadata.tokenEndpointAuthMethods().contains("client_secret_basic")) {
            String credentials = ProviderHttp.formEncode(client.id()) + ":"
                    + ProviderHttp.formEncode(client.secret());
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        } else if (metadata.tokenEndpointAuthMethods().contains("client_secret_post")) {
            form.put("client_id", client.id());
            form.put("client_secret", client.secret());
        } else {
            throw http.unavailable("token endpoint", "it accepts neither client_secret_basic nor client_secret_post"
                    + " (it offers " + metadata.tokenEndpointAuthMethods() + ")", null);
        }
    }

    private ExternalIdentity fromAccessToken(String accessToken) {
        String authorization = http.bearer(accessToken);
        checkAccessTokenAudience(accessToken);
        ProviderMetadata metadata = discovery.metadata();
        if (metadata.userinfoEndpoint().isEmpty()) {
            throw new IdentityRejectedException(id + " has no userinfo endpoint, so an access token"
                    + " cannot be checked: send an authorization code or an ID token");
        }
        ProviderAnswer answer = http.send(http.request(metadata.userinfoEndpoint().get())
                .header("Accept", "application/json")
                .header("Authorization", authorization)
                .GET().build(), "userinfo endpoint");
        if (answer.status() == 401 || answer.status() == 403) {
            throw new IdentityRejectedException(id + " did not accept the access token (HTTP "
                    + answer.status() + "): it is expired, revoked or not meant for the userinfo endpoint");
        }
        if (!answer.isSuccess()) {
            throw answer.unexpected();
        }
        Map<String, Object> claims = ProviderAnswer.json().convertValue(answer.jsonObject(), CLAIMS);
        return ClaimsIdentity.from(id, claims);
    }

    /**
     * An opaque access token proves nothing about which client it was issued to. When it is a JWT that
     * names its audience, that audience (or its authorized party) must be this client: otherwise a token
     * another application obtained for the same user could log in here.
     */
    private void checkAccessTokenAudience(String accessToken) {
        JWTClaimsSet claims;
        try {
            JWT jwt = JWTParser.parse(accessToken.strip());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return;
        }
        if (claims == null || claims.getAudience().isEmpty()) {
            return;
        }
        String clientId = client.id();
        boolean forThisClient = claims.getAudience().contains(clientId)
                || clientId.equals(claims.getClaim("azp")) || clientId.equals(claims.getClaim("appid"))
                || clientId.equals(claims.getClaim("client_id"));
        if (!forThisClient) {
            throw new IdentityRejectedException(id + " access token refused: it was issued to another"
                    + " client, not to this one");
        }
    }
}
