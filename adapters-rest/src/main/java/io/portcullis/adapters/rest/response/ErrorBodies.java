package io.portcullis.adapters.rest.response;

import io.portcullis.domain.validation.ValidationErrors;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The bodies of answers that are not a success, in DRF's shapes. */
public final class ErrorBodies {

    /** {@code {"detail": "..."}}: errors of authentication, permission, method and the like. */
    public record Detail(String detail) {}

    /** {@code {"detail": "...", "code": "..."}}: simplejwt's token and authentication failures. */
    public record CodedDetail(String detail, String code) {}

    private ErrorBodies() {}

    public static Response json(int status, Object body) {
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    public static Response detail(int status, String detail) {
        return json(status, new Detail(detail));
    }

    /** 400 with the field errors, fields in the order they were checked. */
    public static Response invalid(ValidationErrors errors) {
        return json(400, errors.byField());
    }
}
