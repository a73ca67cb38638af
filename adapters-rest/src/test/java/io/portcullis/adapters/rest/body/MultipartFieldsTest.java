package io.portcullis.adapters.rest.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.domain.validation.FieldInput;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MultipartFieldsTest {

    private static RequestFields parse(String body, String boundary) {
        return MultipartFields.parse(body.getBytes(StandardCharsets.UTF_8), Optional.ofNullable(boundary));
    }

    @Test
    void readsTextPartsAndMarksFiles() {
        String body = "preamble\r\n--bnd\r\n"
                + "Content-Disposition: form-data; name=\"a\"\r\n\r\nfirst\r\nline\r\n"
                + "--bnd\r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n\r\n"
                + "--bnd\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x \\\"y\\\".txt\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\u0000\u0001\r\n"
                + "--bnd\r\ncontent-disposition: FORM-DATA; NAME=b\r\n\r\n\u00e9\r\n"
                + "--bnd--\r\nepilogue";

        assertThat(parse(body, "bnd").values()).containsExactly(
                Map.entry("a", new FieldInput.Text("first\r\nline")),
                Map.entry("empty", new FieldInput.Text("")),
                Map.entry("file", new FieldInput.NotText("x \"y\".txt")),
                Map.entry("b", new FieldInput.Text("\u00e9")));
    }

    @Test
    void refusesMissingOrUnusedBoundaries() {
        assertThatThrownBy(() -> parse("--x--", null))
                .hasMessageContaining("Multipart form parse error - Invalid boundary in multipart: None");
        assertThatThrownBy(() -> parse("no delimiter here", "x"))
                .hasMessageContaining("Multipart form parse error - the body does not contain the boundary");
        assertThatThrownBy(() -> parse("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue", "x"))
                .hasMessageContaining("Multipart form parse error - a part is not closed by the boundary");
    }
}
