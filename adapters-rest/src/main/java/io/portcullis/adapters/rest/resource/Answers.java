package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.response.ErrorBodies;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Success answers of the resources. */
final class Answers {

    private Answers() {}

    static Response json(int status, Object body) {
        return ErrorBodies.json(status, body);
    }

    static Response detail(int status, String detail) {
        return ErrorBodies.detail(status, detail);
    }

    /** An answer with tokens in it: never stored by a cache, with the given Set-Cookie values. */
    static Response withTokens(int status, Object body, List<String> cookies) {
        Response.ResponseBuilder answer = Response.fromResponse(json(status, body))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        cookies.forEach(cookie -> answer.header(HttpHeaders.SET_COOKIE, cookie));
        return answer.build();
    }
}
