package io.portcullis.adapters.rest.body;

import io.portcullis.domain.validation.FieldInput;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * Reads an {@code application/x-www-form-urlencoded} body as Django's QueryDict does: pairs split
 * on {@code &}, a name without {@code =} has an empty value, a repeated name keeps its last value.
 */
final class FormFields {

    private FormFields() {}

    static RequestFields parse(byte[] body, Optional<String> charset) {
        var fields = new LinkedHashMap<String, FieldInput>();
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start, body.length);
            if (end > start) {
                int equals = indexOf(body, (byte) '=', start, end);
                String name = text(body, start, equals, charset);
                String value = equals < end ? text(body, equals + 1, end, charset) : "";
                fields.put(name, new FieldInput.Text(value));
            }
            start = end + 1;
        }
        return new RequestFields(fields);
    }

    private static String text(byte[] body, int from, int to, Optional<String> charset) {
        try {
            return TextDecoding.decode(unescape(body, from, to), charset);
        } catch (TextDecoding.Undecodable e) {
            throw RequestBodyRejected.malformed("Form data parse error - " + e.getMessage());
        }
    }

    /** {@code +} is a space and {@code %XX} a byte; a {@code %} without two hex digits stays as it is. */
    private static byte[] unescape(byte[] body, int from, int to) {
        var out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%' && i + 2 < to && hex(body[i + 1]) >= 0 && hex(body[i + 2]) >= 0) {
                out.write(hex(body[i + 1]) * 16 + hex(body[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    private static int indexOf(byte[] body, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] == wanted) {
                return i;
            }
        }
        return to;
    }
}
