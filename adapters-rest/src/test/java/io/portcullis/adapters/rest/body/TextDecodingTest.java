package io.portcullis.adapters.rest.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextDecodingTest {

    private static byte[] bytes(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }

    @Test
    void decodesValidUtf8() throws Exception {
        assertThat(TextDecoding.decode(bytes("41c3a9e28099f09f9880"), Optional.empty())).isEqualTo("A\u00e9\u2019\ud83d\ude00");
    }

    @ParameterizedTest
    @CsvSource({
        "41ff, byte 0xff in position 1: invalid start byte",
        "4180, byte 0x80 in position 1: invalid start byte",
        "c0af, byte 0xc0 in position 0: invalid start byte",
        "41c3, byte 0xc3 in position 1: unexpected end of data",
        "e282, bytes in position 0-1: unexpected end of data",
        "c341, byte 0xc3 in position 0: invalid continuation byte",
        "e28241, bytes in position 0-1: invalid continuation byte",
        "eda080, byte 0xed in position 0: invalid continuation byte",
        "f4908080, byte 0xf4 in position 0: invalid continuation byte"})
    void describesInvalidUtf8AsPythonDoes(String hex, String where) {
        assertThatThrownBy(() -> TextDecoding.decode(bytes(hex), Optional.empty()))
                .isInstanceOf(TextDecoding.Undecodable.class)
                .hasMessage("'utf-8' codec can't decode " + where);
    }

    @Test
    void decodesOtherCharsetsAndRefusesUnknownOnes() throws Exception {
        assertThat(TextDecoding.decode(bytes("e9"), Optional.of("latin1"))).isEqualTo("\u00e9");
        assertThat(TextDecoding.decode(bytes("c3a9"), Optional.of("UTF-8"))).isEqualTo("\u00e9");
        assertThatThrownBy(() -> TextDecoding.decode(bytes("41"), Optional.of("klingon")))
                .hasMessage("unknown encoding: klingon");
    }
}
