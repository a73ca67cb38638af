package io.portcullis.bootstrap.server;

import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;

/**
 * Replaces Grizzly's HTML error page, which would print a stack trace, for errors that happen
 * outside Jersey after the request was parsed. The body is JSON like every other answer.
 */
final class JsonErrorPages implements ErrorPageGenerator {

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        request.getResponse().setContentType(ErrorBody.CONTENT_TYPE);
        request.getResponse().setCharacterEncoding("UTF-8");
        return ErrorBody.json(status, reasonPhrase);
    }
}
