package io.portcullis.adapters.rest.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientLanguagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "de-DE,de;q=0.9,en;q=0.8        | de-DE,de,en",
        "en;q=0.8, de-DE, de;q=0.9      | de-DE,de,en",
        "fr;q=0.5, it;q=0.5, pt-BR      | pt-BR,fr,it",
        "*;q=0.5, nl                    | nl",
        "de;q=0, en                     | en",
        "en;q=2, de;q=abc, fr;q=0.25    | fr",
        "x-123456789, zh-Hant-TW        | zh-Hant-TW",
        "' de , de ,EN'                 | de,EN",
        "de;level=1;q=0.7, en           | en,de"})
    void ordersTheTagsByWeight(String header, String expected) {
        assertThat(ClientLanguages.parse(header)).isEqualTo(List.of(expected.split(",")));
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "' '", ",,,", "*", "<script>", "'de;q=0,en;q=0.000'"}, nullValues = "NULL")
    void findsNothingInNothing(String header) {
        assertThat(ClientLanguages.parse(header)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void readsNoHeaderAsNoWish() {
        assertThat(ClientLanguages.parse(null)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void boundsTheWorkOfAHugeHeader() {
        String header = "en;q=0.1," + "xx,".repeat(10_000) + "de";
        assertThat(ClientLanguages.parse(header)).containsExactly("xx", "en");
    }
}
