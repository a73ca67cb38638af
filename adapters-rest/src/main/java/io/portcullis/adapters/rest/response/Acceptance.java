package io.portcullis.adapters.rest.response;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Whether a request's {@code Accept} header admits the only thing this API writes: JSON. */
final class Acceptance {

    private Acceptance() {}

    static boolean acceptsJson(HttpHeaders headers) {
        try {
            return headers.getAcceptableMediaTypes().stream()
                    .anyMatch(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE));
        } catch (RuntimeException unparsable) {
            // A garbled Accept header is treated as none: the client gets JSON, as DRF would answer.
            return true;
        }
    }
}
