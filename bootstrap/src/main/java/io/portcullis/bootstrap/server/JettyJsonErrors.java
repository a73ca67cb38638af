package io.portcullis.bootstrap.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Replaces Jetty's HTML error page (which may name the exception and print a stack trace) for every
 * answer Jetty gives on its own: a request its parser refuses, and an error that escaped Jersey.
 * The body is JSON like every other answer.
 */
final class JettyJsonErrors extends ErrorHandler {

    /** An error while a request was being handled. */
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (HttpStatus.hasNoBody(status)) {
            callback.succeeded();
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ErrorBody.CONTENT_TYPE);
        response.getHeaders().put(ERROR_CACHE_CONTROL);
        response.write(true, ByteBuffer.wrap(ErrorBody.bytes(status, HttpStatus.getMessage(status))), callback);
        return true;
    }

    /** A request so malformed that no request object could be built from it. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        if (HttpStatus.hasNoBody(status)) {
            return null;
        }
        fields.put(HttpHeader.CONTENT_TYPE, ErrorBody.CONTENT_TYPE);
        return ByteBuffer.wrap(ErrorBody.bytes(status, HttpStatus.getMessage(status)));
    }
}
