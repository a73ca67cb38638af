package io.portcullis.bootstrap.server;

import java.nio.charset.StandardCharsets;

/**
 * The body of an answer the container gives on its own, before or outside Jersey: a malformed
 * request, an error that escaped the application. JSON like every other answer, with the shape of
 * Django REST framework's errors, and never a stack trace.
 */
final class ErrorBody {

    static final String CONTENT_TYPE = "application/json";

    private ErrorBody() {}

    /** {@code {"detail":"Bad Request"}}; a 5xx says only that an error has occurred. */
    static String json(int status, String reasonPhrase) {
        String detail = status >= 500 || reasonPhrase == null || reasonPhrase.isBlank()
                ? "An error has occurred."
                : reasonPhrase;
        var out = new StringBuilder("{\"detail\":\"");
        for (char c : detail.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append("\"}").toString();
    }

    static byte[] bytes(int status, String reasonPhrase) {
        return json(status, reasonPhrase).getBytes(StandardCharsets.UTF_8);
    }
}
