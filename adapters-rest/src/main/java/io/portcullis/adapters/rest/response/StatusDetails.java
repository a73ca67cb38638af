package io.portcullis.adapters.rest.response;

import jakarta.ws.rs.core.Response;

/** DRF's default {@code detail} texts for statuses whose cause says nothing more specific. */
final class StatusDetails {

    private StatusDetails() {}

    static String of(int status) {
        return switch (status) {
            case 400 -> "Malformed request.";
            case 401 -> "Authentication credentials were not provided.";
            case 403 -> "You do not have permission to perform this action.";
            case 404 -> "Not found.";
            case 406 -> WebApplicationExceptionMapper.NOT_ACCEPTABLE;
            case 500 -> UnexpectedExceptionMapper.SERVER_ERROR;
            default -> {
                Response.StatusType type = Response.Status.fromStatusCode(status);
                yield type == null ? "Request refused." : type.getReasonPhrase() + ".";
            }
        };
    }
}
