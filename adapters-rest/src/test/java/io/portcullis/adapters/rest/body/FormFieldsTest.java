package io.portcullis.adapters.rest.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.domain.validation.FieldInput;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormFieldsTest {

    private static RequestFields parse(String form) {
        return FormFields.parse(form.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    @Test
    void decodesNamesAndValues() {
        assertThat(parse("e%6Dail=a%40b.c&pass+word=x+y%2Bz&caf%C3%A9=%E2%80%99").values()).containsExactly(
                Map.entry("email", new FieldInput.Text("a@b.c")),
                Map.entry("pass word", new FieldInput.Text("x y+z")),
                Map.entry("caf\u00e9", new FieldInput.Text("\u2019")));
    }

    @Test
    void readsEmptyAndBareValuesAsEmptyText() {
        assertThat(parse("a=&b&&c=1").values()).containsExactly(
                Map.entry("a", new FieldInput.Text("")),
                Map.entry("b", new FieldInput.Text("")),
                Map.entry("c", new FieldInput.Text("1")));
    }

    @Test
    void keepsTheLastOfARepeatedName() {
        assertThat(parse("a=1&a=2").get("a")).isEqualTo(new FieldInput.Text("2"));
    }

    @Test
    void leavesABrokenEscapeAsItIs() {
        assertThat(parse("a=100%&b=%zz&c=%4").values()).containsExactly(
                Map.entry("a", new FieldInput.Text("100%")),
                Map.entry("b", new FieldInput.Text("%zz")),
                Map.entry("c", new FieldInput.Text("%4")));
    }

    @Test
    void honoursTheDeclaredCharset() {
        byte[] latin = "a=caf%E9".getBytes(StandardCharsets.US_ASCII);

        assertThat(FormFields.parse(latin, Optional.of("iso-8859-1")).get("a")).isEqualTo(new FieldInput.Text("caf\u00e9"));
        assertThatThrownBy(() -> FormFields.parse(latin, Optional.empty()))
                .isInstanceOf(RequestBodyRejected.class)
                .hasMessageContaining("'utf-8' codec can't decode byte 0xe9 in position 3: unexpected end of data");
    }
}
