package io.portcullis.bootstrap.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Holds back a response body until it is complete (up to {@value #LIMIT} bytes), so that it goes
 * out in one write with a {@code Content-Length}, as it does on Grizzly. Jersey leaves buffering to
 * the Jetty container, and Jackson flushes after every value, so without this every answer would be
 * streamed chunked in several writes. A larger body is streamed as soon as it passes the limit.
 */
final class JettyWholeResponses extends Handler.Wrapper {

    static final int LIMIT = 8192;

    JettyWholeResponses(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        var buffering = new BufferingResponse(request, response);
        Callback completion = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                buffering.completeThen(callback);
            }
        };
        return super.handle(request, buffering, completion);
    }

    private static final class BufferingResponse extends Response.Wrapper {

        /** The body written so far; null once it is streamed or sent. */
        private ByteArrayOutputStream pending = new ByteArrayOutputStream(256);

        BufferingResponse(Request request, Response wrapped) {
            super(request, wrapped);
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            ByteArrayOutputStream body = pending;
            if (body == null) {
                super.write(last, content, callback);
                return;
            }
            if (content != null && content.hasRemaining()) {
                byte[] bytes = new byte[content.remaining()];
                content.get(bytes);
                body.writeBytes(bytes);
            }
            if (last || body.size() > LIMIT) {
                pending = null;
                super.write(last, ByteBuffer.wrap(body.toByteArray()), callback);
            } else {
                callback.succeeded(); // a flush, or a part of a small body: held back
            }
        }

        @Override
        public void reset() {
            super.reset();
            if (pending != null) {
                pending.reset();
            }
        }

        /** Sends what is held back, if the handler completed without a last write, then completes. */
        void completeThen(Callback callback) {
            ByteArrayOutputStream body = pending;
            if (body == null || body.size() == 0 || hasLastWrite()) {
                callback.succeeded();
                return;
            }
            pending = null;
            super.write(true, ByteBuffer.wrap(body.toByteArray()), callback);
        }
    }
}
