package io.portcullis.adapters.rest.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlPreferenceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8  | true",
        "text/html                                                       | true",
        "TEXT/HTML; charset=utf-8                                        | true",
        "text/*                                                          | true",
        "text/html, */*                                                  | true",
        "application/json;q=0.5, text/html                               | true",
        "NULL                                                            | false",
        "*/*                                                             | false",
        "application/json                                                | false",
        "application/json, text/html                                     | false",
        "text/html, application/json                                     | false",
        "text/html;q=0.5, application/json                               | false",
        "text/html;q=0, */*                                              | false",
        "text/plain                                                      | false",
        "text/html;q=nonsense                                            | false"}, nullValues = "NULL")
    void tellsBrowsersFromApiClients(String accept, boolean html) {
        assertThat(HtmlPreference.prefersHtml(accept)).isEqualTo(html);
    }
}
