package io.portcullis.adapters.rest.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.domain.validation.FieldInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    @Test
    void keepsTheOrderAndTheKindOfEveryValue() {
        RequestFields fields = JsonFields.parse(
                "{\"b\": \"text\", \"a\": 12, \"f\": -1.50e3, \"n\": null, \"t\": true, \"l\": [1, \"x\"], \"o\": {\"k\": \"it's\"}}");

        assertThat(fields.values()).containsExactly(
                Map.entry("b", new FieldInput.Text("text")),
                Map.entry("a", new FieldInput.Text("12")),
                Map.entry("f", new FieldInput.Text("-1.50e3")),
                Map.entry("n", FieldInput.nullValue()),
                Map.entry("t", new FieldInput.NotText("True")),
                Map.entry("l", new FieldInput.NotText("[1, 'x']")),
                Map.entry("o", new FieldInput.NotText("{'k': \"it's\"}")));
        assertThat(fields.get("missing")).isEqualTo(FieldInput.absent());
    }

    @Test
    void aRepeatedNameKeepsItsFirstPlaceAndLastValue() {
        RequestFields fields = JsonFields.parse("{\"a\": \"1\", \"b\": \"2\", \"a\": \"3\"}");

        assertThat(fields.values()).containsExactly(
                Map.entry("a", new FieldInput.Text("3")), Map.entry("b", new FieldInput.Text("2")));
    }

    @Test
    void keepsWhitespaceAndUnicodeInStrings() {
        assertThat(JsonFields.parse("{\"a\": \" \\u00e9\\n\u2019 \"}").get("a")).isEqualTo(new FieldInput.Text(" \u00e9\n\u2019 "));
    }

    @Test
    void describesSyntaxErrorsWithTheirPosition() {
        assertRejected("{\"a\": }", 400, Map.of("detail", "JSON parse error - Unexpected character ('}' (code 125)): "
                + "expected a value: line 1 column 7 (char 6)"));
        assertRejected("{\"a\": 1,}", 400, Map.of("detail", "JSON parse error - Unexpected character ('}' (code 125)): "
                + "was expecting double-quote to start field name: line 1 column 9 (char 8)"));
        assertRejected("{\"a\": NaN}", 400, Map.of("detail", "JSON parse error - Non-standard token 'NaN': enable "
                + "`JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow: line 1 column 10 (char 9)"));
    }

    @Test
    void refusesWhatIsNotAnObject() {
        assertRejected("[]", 400, Map.of("non_field_errors", List.of("Invalid data. Expected a dictionary, but got list.")));
        assertRejected("\"x\"", 400, Map.of("non_field_errors", List.of("Invalid data. Expected a dictionary, but got str.")));
        assertRejected("1e3", 400, Map.of("non_field_errors", List.of("Invalid data. Expected a dictionary, but got float.")));
        assertRejected("false", 400, Map.of("non_field_errors", List.of("Invalid data. Expected a dictionary, but got bool.")));
    }

    @Test
    void reportsASyntaxErrorBeforeTheWrongType() {
        assertRejected("[1, 2", 400, Map.of("detail",
                "JSON parse error - Unexpected end-of-input: expected close marker for Array: line 1 column 6 (char 5)"));
    }

    private static void assertRejected(String json, int status, Map<String, Object> body) {
        assertThatThrownBy(() -> JsonFields.parse(json))
                .isInstanceOfSatisfying(RequestBodyRejected.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.body()).isEqualTo(body);
                });
    }
}
