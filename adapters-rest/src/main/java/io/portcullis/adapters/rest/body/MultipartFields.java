package io.portcullis.adapters.rest.body;

import io.portcullis.domain.validation.FieldInput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the text parts of a {@code multipart/form-data} body. A file part is not text: its field
 * reads as "not text" under its file name, which is what a DRF text field would complain about.
 */
final class MultipartFields {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] BLANK_LINE = {'\r', '\n', '\r', '\n'};

    private MultipartFields() {}

    static RequestFields parse(byte[] body, Optional<String> boundary) {
        // RFC 2046 caps a boundary at 70 characters, which also bounds the cost of searching for it.
        if (boundary.isEmpty() || boundary.get().isEmpty() || boundary.get().length() > 70) {
            throw error("Invalid boundary in multipart: " + boundary.orElse("None"));
        }
        byte[] delimiter = ("--" + boundary.get()).getBytes(StandardCharsets.ISO_8859_1);
        byte[] separator = concat(CRLF, delimiter);
        int position = indexOf(body, delimiter, 0, body.length);
        if (position < 0) {
            throw error("the body does not contain the boundary");
        }
        var fields = new LinkedHashMap<String, FieldInput>();
        while (true) {
            position += delimiter.length;
            if (startsWith(body, position, new byte[] {'-', '-'})) {
                return new RequestFields(fields);
            }
            position = skipLineEnd(body, position);
            int end = indexOf(body, separator, position, body.length);
            if (end < 0) {
                throw error("a part is not closed by the boundary");
            }
            readPart(body, position, end, fields);
            position = end + CRLF.length;
        }
    }

    private static void readPart(byte[] body, int from, int to, Map<String, FieldInput> fields) {
        if (startsWith(body, from, CRLF)) {
            // A part without headers has no name: nothing to read.
            return;
        }
        int headersEnd = indexOf(body, BLANK_LINE, from, to);
        if (headersEnd < 0) {
            throw error("a part has no blank line after its headers");
        }
        PartHeaders headers = PartHeaders.parse(new String(body, from, headersEnd - from, StandardCharsets.UTF_8));
        if (headers.name().isEmpty()) {
            return;
        }
        int contentStart = headersEnd + BLANK_LINE.length;
        if (headers.filename().isPresent()) {
            fields.put(headers.name().get(), new FieldInput.NotText(headers.filename().get()));
            return;
        }
        try {
            byte[] content = Arrays.copyOfRange(body, contentStart, to);
            fields.put(headers.name().get(), new FieldInput.Text(TextDecoding.decode(content, headers.charset())));
        } catch (TextDecoding.Undecodable e) {
            throw error(e.getMessage());
        }
    }

    /** The Content-Disposition name and file name and the charset of one part. */
    private record PartHeaders(Optional<String> name, Optional<String> filename, Optional<String> charset) {

        static PartHeaders parse(String block) {
            Optional<String> name = Optional.empty();
            Optional<String> filename = Optional.empty();
            Optional<String> charset = Optional.empty();
            for (String line : block.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String header = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                Map<String, String> params = HeaderParameters.parse(line.substring(colon + 1));
                if (header.equals("content-disposition")) {
                    name = Optional.ofNullable(params.get("name"));
                    filename = Optional.ofNullable(params.get("filename"));
                } else if (header.equals("content-type")) {
                    charset = Optional.ofNullable(params.get("charset"));
                }
            }
            return new PartHeaders(name, filename, charset);
        }
    }

    private static int skipLineEnd(byte[] body, int position) {
        if (startsWith(body, position, CRLF)) {
            return position + 2;
        }
        throw error("the boundary is not followed by a line end");
    }

    private static RequestBodyRejected error(String what) {
        return RequestBodyRejected.malformed("Multipart form parse error - " + what);
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix) {
        if (at + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Where {@code wanted} first lies wholly within {@code body[from, to)}, or -1. */
    private static int indexOf(byte[] body, byte[] wanted, int from, int to) {
        for (int i = from; i + wanted.length <= to; i++) {
            if (startsWith(body, i, wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
