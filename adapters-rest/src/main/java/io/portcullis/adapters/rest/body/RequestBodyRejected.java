package io.portcullis.adapters.rest.body;

import java.util.List;
import java.util.Map;

/**
 * A body that cannot become request fields. It carries the status and the JSON body of the
 * answer, so the client learns what was wrong and where.
 */
public final class RequestBodyRejected extends RuntimeException {

    private final int status;
    private final transient Map<String, Object> body;

    private RequestBodyRejected(int status, Map<String, Object> body) {
        super(status + " " + body, null, false, false);
        this.status = status;
        this.body = body;
    }

    /** 400 with {@code {"detail": ...}}: the body could not be parsed. */
    public static RequestBodyRejected malformed(String detail) {
        return new RequestBodyRejected(400, Map.of("detail", detail));
    }

    /** 400 with {@code {"non_field_errors": [...]}}: parsed, but not an object of fields. */
    public static RequestBodyRejected notAnObject(String message) {
        return new RequestBodyRejected(400, Map.of("non_field_errors", List.of(message)));
    }

    public static RequestBodyRejected unsupportedMediaType(String contentType) {
        return new RequestBodyRejected(415, Map.of("detail", "Unsupported media type \"" + contentType + "\" in request."));
    }

    public static RequestBodyRejected tooLarge(long limit) {
        return new RequestBodyRejected(413, Map.of("detail", "Request body exceeds the limit of " + limit + " bytes."));
    }

    public int status() {
        return status;
    }

    public Map<String, Object> body() {
        return body;
    }
}
