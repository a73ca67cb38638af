package io.portcullis.application.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RateTest {

    @Test
    void reads_allauths_syntax() {
        assertThat(Rate.parseAll("10/m/ip,5/5m/key")).containsExactly(
                new Rate(10, Duration.ofMinutes(1), Rate.Per.IP), new Rate(5, Duration.ofMinutes(5), Rate.Per.KEY));
        assertThat(Rate.parseAll(" 1/3m/key ")).containsExactly(new Rate(1, Duration.ofMinutes(3), Rate.Per.KEY));
        assertThat(Rate.parse("30/s/ip").period()).isEqualTo(Duration.ofSeconds(1));
        assertThat(Rate.parse("2/12h/IP")).isEqualTo(new Rate(2, Duration.ofHours(12), Rate.Per.IP));
        assertThat(Rate.parse("100/d/key").period()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void off_and_nothing_are_no_rules() {
        assertThat(Rate.parseAll("off")).isEmpty();
        assertThat(Rate.parseAll("OFF")).isEmpty();
        assertThat(Rate.parseAll("  ")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10/m", "10/m/user", "ten/m/ip", "10/5/ip", "10/m/ip,", "0/m/ip", "10/0m/ip", "10/w/ip",
        "-1/m/ip", "10//ip", "10/m/ip/x", "9999999999/m/ip"})
    void refuses_what_is_not_a_rule(String text) {
        assertThatThrownBy(() -> Rate.parseAll(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"");
    }

    @Test
    void writes_the_syntax_it_reads() {
        for (String rule : List.of("10/m/ip", "5/5m/key", "1/3m/key", "300/m/ip", "2/90s/ip", "4/h/ip", "1/2d/key")) {
            assertThat(Rate.parse(rule).text()).isEqualTo(rule);
        }
    }

    @Test
    void settings_refuse_a_key_rule_on_an_action_without_a_key() {
        assertThatThrownBy(() -> RateLimitSettings.defaults().with(RateLimitedAction.SIGNUP, "20/m/ip,1/m/key"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signup");
        assertThatThrownBy(() -> new RateLimitSettings(true,
                Map.of(RateLimitedAction.TOKEN_REFRESH, Rate.parseAll("1/m/key")), Duration.ofHours(1)))
                .hasMessageContaining("token-refresh");
    }

    @Test
    void the_defaults_are_allauths_where_it_has_the_action() {
        var defaults = RateLimitSettings.defaults();
        assertThat(defaults.rulesOf(RateLimitedAction.LOGIN_FAILED)).extracting(Rate::text)
                .containsExactly("10/m/ip", "5/5m/key");
        assertThat(defaults.rulesOf(RateLimitedAction.RESET_PASSWORD)).extracting(Rate::text)
                .containsExactly("20/m/ip", "5/m/key");
        assertThat(defaults.rulesOf(RateLimitedAction.CONFIRM_EMAIL)).extracting(Rate::text).contains("1/3m/key");
        assertThat(defaults.rulesOf(RateLimitedAction.SIGNUP)).extracting(Rate::text).containsExactly("20/m/ip");
        assertThat(RateLimitSettings.off().rulesOf(RateLimitedAction.LOGIN_FAILED)).isEmpty();
        assertThat(new RateLimitSettings(false, defaults.rules(), Duration.ofHours(1))
                .rulesOf(RateLimitedAction.SIGNUP)).isEmpty();
    }

    @Test
    void retry_after_is_whole_seconds_rounded_up_and_at_least_one() {
        assertThat(new RateLimitExceededException(RateLimitedAction.SIGNUP, Duration.ofMillis(59_001))
                .retryAfterSeconds()).isEqualTo(60);
        assertThat(new RateLimitExceededException(RateLimitedAction.SIGNUP, Duration.ofSeconds(60))
                .retryAfterSeconds()).isEqualTo(60);
        assertThat(new RateLimitExceededException(RateLimitedAction.SIGNUP, Duration.ofMillis(1))
                .retryAfterSeconds()).isEqualTo(1);
    }
}
