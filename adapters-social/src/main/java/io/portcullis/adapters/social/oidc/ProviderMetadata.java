package io.portcullis.adapters.social.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.adapters.social.http.ProviderAnswer;
import io.portcullis.adapters.social.http.ProviderHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of an OpenID Connect discovery document Portcullis uses.
 *
 * @param issuer the issuer ID tokens must name, possibly Microsoft's {@code {tenantid}} template
 * @param tokenEndpointAuthMethods how the token endpoint takes client credentials;
 *     {@code client_secret_basic} when the document does not say, as the specification has it
 */
record ProviderMetadata(String issuer, URI tokenEndpoint, Optional<URI> userinfoEndpoint, URI jwksUri,
        List<String> tokenEndpointAuthMethods) {

    static ProviderMetadata from(ProviderAnswer answer) {
        JsonNode document = answer.jsonObject();
        String issuer = text(document, "issuer").orElseThrow(() -> answer.notProtocol("a discovery document with an issuer"));
        URI token = uri(document, "token_endpoint", answer)
                .orElseThrow(() -> answer.notProtocol("a discovery document with a token_endpoint"));
        URI jwks = uri(document, "jwks_uri", answer)
                .orElseThrow(() -> answer.notProtocol("a discovery document with a jwks_uri"));
        List<String> methods = new ArrayList<>();
        JsonNode listed = document.get("token_endpoint_auth_methods_supported");
        if (listed != null && listed.isArray()) {
            listed.forEach(method -> methods.add(method.asText()));
        }
        if (methods.isEmpty()) {
            methods.add("client_secret_basic");
        }
        return new ProviderMetadata(issuer, token, uri(document, "userinfo_endpoint", answer), jwks, List.copyOf(methods));
    }

    private static Optional<String> text(JsonNode document, String field) {
        JsonNode value = document.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static Optional<URI> uri(JsonNode document, String field, ProviderAnswer answer) {
        return text(document, field).map(text -> {
            try {
                URI uri = URI.create(text);
                if (!ProviderHttp.isSafeEndpoint(uri)) {
                    throw answer.notProtocol("a discovery document with an absolute https " + field);
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw answer.notProtocol("a discovery document with a valid " + field);
            }
        });
    }
}
