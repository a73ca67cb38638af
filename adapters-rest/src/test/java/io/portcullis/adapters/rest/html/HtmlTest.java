package io.portcullis.adapters.rest.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesWhatCouldOpenMarkupOrLeaveAnAttribute() {
        assertThat(Html.escape("<a href=\"x\" title='y'>&amp;</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#x27;y&#x27;&gt;&amp;amp;&lt;/a&gt;");
    }

    @Test
    void leavesOtherTextAlone() {
        assertThat(Html.escape("didn\u2019t match: ÄÖÜ /?=+")).isEqualTo("didn\u2019t match: ÄÖÜ /?=+");
    }
}
