package io.portcullis.adapters.rest.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedMethodsTest {

    @Test
    void listsMethodsInDrfOrderWithHeadAndOptions() {
        assertThat(AllowedMethods.header(List.of("OPTIONS", "POST"))).isEqualTo("POST, OPTIONS");
        assertThat(AllowedMethods.header(List.of("PATCH", "OPTIONS", "GET", "PUT"))).isEqualTo("GET, PUT, PATCH, HEAD, OPTIONS");
        assertThat(AllowedMethods.header(List.of("post"))).isEqualTo("POST, OPTIONS");
    }
}
