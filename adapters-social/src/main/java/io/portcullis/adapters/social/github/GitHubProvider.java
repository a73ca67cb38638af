package io.portcullis.adapters.social.github;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.adapters.social.http.ClientCredentials;
import io.portcullis.adapters.social.http.OAuthError;
import io.portcullis.adapters.social.http.ProviderAnswer;
import io.portcullis.adapters.social.http.ProviderHttp;
import io.portcullis.application.port.IdentityProvider;
import io.portcullis.application.port.IdentityRejectedException;
import io.portcullis.application.port.ExternalIdentity;
import io.portcullis.application.port.ProviderProof;
import io.portcullis.domain.account.EmailAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * GitHub's OAuth apps. GitHub issues no ID token: a code is exchanged for an access token, and the
 * identity is read from its REST API ({@code /user} and {@code /user/emails}). An access token a client
 * brings is first checked with GitHub to belong to this application, since any GitHub application could
 * otherwise pass on a token of its users.
 */
public final class GitHubProvider implements IdentityProvider {

    private static final String API_VERSION = "2022-11-28";
    private static final String JSON_MEDIA_TYPE = "application/vnd.github+json";
    private static final int MAX_DETAIL = 512;

    private final String id;
    private final ClientCredentials client;
    private final ProviderHttp http;
    private final String web;
    private final String api;

    /**
     * @param web GitHub's web base, where the OAuth endpoints are ({@code https://github.com})
     * @param api GitHub's REST API base ({@code https://api.github.com})
     */
    public GitHubProvider(String id, URI web, URI api, ClientCredentials client, ProviderHttp http) {
        this.id = Objects.requireNonNull(id, "id");
        this.client = Objects.requireNonNull(client, "client");
        this.http = Objects.requireNonNull(http, "http");
        this.web = withoutTrailingSlash(web.toString());
        this.api = withoutTrailingSlash(api.toString());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ExternalIdentity identify(ProviderProof proof) {
        Objects.requireNonNull(proof, "proof");
        return switch (proof) {
            case ProviderProof.AuthorizationCode code -> identityOf(exchange(code));
            case ProviderProof.AccessToken token -> {
                http.bearer(token.accessToken());
                checkIssuedToThisApplication(token.accessToken().strip());
                yield identityOf(token.accessToken().strip());
            }
            case ProviderProof.IdToken idToken -> throw new IdentityRejectedException(id
                    + " issues no ID tokens: send an authorization code or an access token");
        };
    }

    private String exchange(ProviderProof.AuthorizationCode code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", client.id());
        if (client.hasSecret()) {
            form.put("client_secret", client.secret());
        }
        form.put("code", code.code());
        code.redirectUri().ifPresent(uri -> form.put("redirect_uri", uri));
        code.codeVerifier().ifPresent(verifier -> form.put("code_verifier", verifier));
        HttpRequest request = http.request(URI.create(web + "/login/oauth/access_token"))
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(ProviderHttp.form(form))
                .build();
        ProviderAnswer answer = http.send(request, "token endpoint");
        if (!answer.isSuccess() && !answer.isClientError()) {
            throw answer.unexpected();
        }
        // GitHub answers a refused code with HTTP 200 and an OAuth error in the body.
        Optional<JsonNode> body = answer.isSuccess() ? Optional.of(answer.jsonObject()) : answer.jsonObjectIfAny();
        Optional<OAuthError> error = body.flatMap(OAuthError::from);
        if (error.isPresent()) {
            List<String> presented = new ArrayList<>(List.of(code.code(), client.secret()));
            code.codeVerifier().ifPresent(presented::add);
            throw error.get().rejection(id, "the authorization code", presented);
        }
        JsonNode accessToken = body.map(tokens -> tokens.get("access_token")).orElse(null);
        if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isBlank()) {
            throw answer.notProtocol("a token response with an access token");
        }
        return accessToken.asText();
    }

    /** GitHub's "check a token" call: only the application a token was issued to gets it back. */
    private void checkIssuedToThisApplication(String accessToken) {
        if (!client.hasSecret()) {
            throw new IdentityRejectedException(id + " access tokens cannot be checked without a client"
                    + " secret: send an authorization code");
        }
        String credentials = client.id() + ":" + client.secret();
        String body = ProviderAnswer.json().createObjectNode().put("access_token", accessToken).toString();
        HttpRequest request = http.request(URI.create(api + "/applications/"
                        + ProviderHttp.formEncode(client.id()) + "/token"))
                .header("Accept", JSON_MEDIA_TYPE)
                .header("X-GitHub-Api-Version", API_VERSION)
                .header("Content-Type", "application/json")
                .header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        ProviderAnswer answer = http.send(request, "token check");
        if (answer.status() == 404 || answer.status() == 422) {
            throw new IdentityRejectedException(id + " access token refused: it is unknown, revoked,"
                    + " expired or was issued to another application");
        }
        if (answer.status() == 401) {
            throw new IdentityRejectedException(id + " refused this application's client id or secret"
                    + " while checking the access token: the client credentials configured for it are wrong");
        }
        if (!answer.isSuccess()) {
            throw answer.unexpected();
        }
        answer.jsonObject();
    }

    private ExternalIdentity identityOf(String accessToken) {
        ProviderAnswer userAnswer = apiCall(accessToken, "/user");
        JsonNode user = userAnswer.jsonObject();
        JsonNode userId = user.get("id");
        if (userId == null || !userId.isIntegralNumber()) {
            throw userAnswer.notProtocol("a user with a numeric id");
        }
        Optional<EmailAddress> publicEmail = text(user, "email").flatMap(EmailAddress::parse);
        Optional<VerifiedAddress> address = primaryVerified(accessToken, publicEmail);
        Map<String, String> details = new LinkedHashMap<>();
        text(user, "login").ifPresent(login -> details.put("preferred_username", login));
        text(user, "name").ifPresent(name -> details.put("name", name));
        text(user, "avatar_url").ifPresent(picture -> details.put("picture", picture));
        text(user, "html_url").ifPresent(profile -> details.put("profile", profile));
        return new ExternalIdentity(id, userId.asText(), address.map(VerifiedAddress::email),
                address.map(VerifiedAddress::verified).orElse(false), details);
    }

    private record VerifiedAddress(EmailAddress email, boolean verified) {
    }

    /**
     * The primary address when GitHub has verified it. Otherwise the public address of the profile,
     * verified only when the address list says so; the list is missing when the token lacks the
     * {@code user:email} scope, and then the public address counts as unverified.
     */
    private Optional<VerifiedAddress> primaryVerified(String accessToken, Optional<EmailAddress> publicEmail) {
        ProviderAnswer answer = apiCall(accessToken, "/user/emails");
        List<JsonNode> listed = new ArrayList<>();
        if (answer.isSuccess()) {
            answer.jsonArray().forEach(listed::add);
        } else if (answer.status() != 403 && answer.status() != 404) {
            throw answer.unexpected();
        }
        for (JsonNode entry : listed) {
            if (entry.path("primary").asBoolean(false) && entry.path("verified").asBoolean(false)) {
                Optional<EmailAddress> primary = text(entry, "email").flatMap(EmailAddress::parse);
                if (primary.isPresent()) {
                    return Optional.of(new VerifiedAddress(primary.get(), true));
                }
            }
        }
        return publicEmail.map(email -> new VerifiedAddress(email, listed.stream().anyMatch(entry ->
                entry.path("verified").asBoolean(false)
                        && email.canonical().equals(entry.path("email").asText("").toLowerCase(Locale.ROOT)))));
    }

    private ProviderAnswer apiCall(String accessToken, String path) {
        HttpRequest request = http.request(URI.create(api + path))
                .header("Accept", JSON_MEDIA_TYPE)
                .header("X-GitHub-Api-Version", API_VERSION)
                .header("Authorization", http.bearer(accessToken))
                .GET()
                .build();
        ProviderAnswer answer = http.send(request, path);
        if (answer.status() == 401) {
            throw new IdentityRejectedException(id + " did not accept the access token: it is expired,"
                    + " revoked or was never valid");
        }
        if (path.equals("/user") && !answer.isSuccess()) {
            throw answer.unexpected();
        }
        return answer;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() && value.asText().length() <= MAX_DETAIL
                ? Optional.of(value.asText())
                : Optional.empty();
    }

    private static String withoutTrailingSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
