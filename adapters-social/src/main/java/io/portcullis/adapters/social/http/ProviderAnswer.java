package io.portcullis.adapters.social.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.application.port.ProviderUnavailableException;
import java.util.Optional;

/**
 * What a provider answered to one call. The body is never put into a message: it may hold tokens.
 *
 * @param call what the call was for, as messages name it
 */
public record ProviderAnswer(String provider, String call, int status, String contentType, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public boolean isClientError() {
        return status >= 400 && status < 500;
    }

    /** The body as a JSON object, or ProviderUnavailable when the provider answered something else. */
    public JsonNode jsonObject() {
        JsonNode node = parse();
        if (node == null || !node.isObject()) {
            throw notProtocol("a JSON object");
        }
        return node;
    }

    /** The body as a JSON array, or ProviderUnavailable when the provider answered something else. */
    public JsonNode jsonArray() {
        JsonNode node = parse();
        if (node == null || !node.isArray()) {
            throw notProtocol("a JSON array");
        }
        return node;
    }

    /** The body as a JSON object when it is one, else nothing (an error page, an empty body). */
    public Optional<JsonNode> jsonObjectIfAny() {
        JsonNode node = parse();
        return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    }

    /** The call answered outside the protocol: a status it does not use, or a body it cannot read. */
    public ProviderUnavailableException unexpected() {
        return new ProviderUnavailableException(provider, call + ": unexpected answer HTTP " + status
                + describeContentType(), null);
    }

    public ProviderUnavailableException notProtocol(String expected) {
        return new ProviderUnavailableException(provider, call + ": answered HTTP " + status + " with something that"
                + " is not " + expected + describeContentType(), null);
    }

    private String describeContentType() {
        String type = contentType.strip();
        if (type.isEmpty()) {
            return "";
        }
        int semicolon = type.indexOf(';');
        String bare = semicolon < 0 ? type : type.substring(0, semicolon);
        return " (" + bare.substring(0, Math.min(bare.length(), 60)) + ")";
    }

    private JsonNode parse() {
        if (body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The shared reader, for turning JSON into maps. */
    public static ObjectMapper json() {
        return JSON;
    }
}
