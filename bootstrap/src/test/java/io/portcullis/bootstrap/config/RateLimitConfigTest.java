package io.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.ratelimit.Rate;
import io.portcullis.application.ratelimit.RateLimitSettings;
import io.portcullis.application.ratelimit.RateLimitedAction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rate-limit and client-address settings: allauth's defaults, its syntax, and clear refusals. */
class RateLimitConfigTest {

    @Test
    void by_default_allauths_limits_on_the_database_and_no_trusted_proxy() {
        PortcullisConfig config = Loading.withSecret().load();

        assertThat(config.rateLimits().store()).isEqualTo(PortcullisConfig.RateLimitStore.DATABASE);
        assertThat(config.rateLimits().settings()).isEqualTo(RateLimitSettings.defaults());
        assertThat(config.rateLimits().settings().rulesOf(RateLimitedAction.LOGIN_FAILED)).extracting(Rate::text)
                .containsExactly("10/m/ip", "5/5m/key");
        assertThat(config.clientAddresses()).isEqualTo(new PortcullisConfig.ClientAddresses(List.of(), "X-Forwarded-For"));
    }

    @Test
    void rules_store_switches_and_proxies_are_read() {
        PortcullisConfig config = Loading.withSecret()
                .env("PORTCULLIS_RATE_LIMITS_LOGIN_FAILED", "20/m/ip,3/15m/key")
                .env("PORTCULLIS_RATE_LIMITS_TOKEN_REFRESH", "off")
                .env("PORTCULLIS_RATE_LIMITS_STORE", "memory")
                .env("PORTCULLIS_RATE_LIMITS_MAX_BACKOFF", "PT6H")
                .env("PORTCULLIS_HTTP_TRUSTED_PROXIES", "10.0.0.0/8, fd00::/8")
                .env("PORTCULLIS_HTTP_CLIENT_IP_HEADER", "X-Real-IP")
                .load();

        var settings = config.rateLimits().settings();
        assertThat(settings.rulesOf(RateLimitedAction.LOGIN_FAILED)).extracting(Rate::text)
                .containsExactly("20/m/ip", "3/15m/key");
        assertThat(settings.rulesOf(RateLimitedAction.TOKEN_REFRESH)).isEmpty();
        assertThat(settings.rulesOf(RateLimitedAction.SIGNUP)).extracting(Rate::text).containsExactly("20/m/ip");
        assertThat(settings.maxBackoff()).isEqualTo(Duration.ofHours(6));
        assertThat(config.rateLimits().store()).isEqualTo(PortcullisConfig.RateLimitStore.MEMORY);
        assertThat(config.clientAddresses())
                .isEqualTo(new PortcullisConfig.ClientAddresses(List.of("10.0.0.0/8", "fd00::/8"), "X-Real-IP"));
    }

    @Test
    void all_limits_switched_off() {
        var settings = Loading.withSecret().env("PORTCULLIS_RATE_LIMITS_ENABLED", "false").load().rateLimits().settings();

        for (RateLimitedAction action : RateLimitedAction.values()) {
            assertThat(settings.rulesOf(action)).as(action.settingName()).isEmpty();
        }
    }

    @Test
    void a_rule_that_does_not_parse_is_named() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_RATE_LIMITS_RESET_PASSWORD", "20/m/ip,5/m/user")
                .onlyProblem();

        assertThat(problem.keys()).containsExactly("rate-limits.reset-password");
        assertThat(problem.message()).contains("\"5/m/user\"").contains("<amount>/<period>/<ip|key>").contains("off");
    }

    @Test
    void a_key_rule_on_an_action_without_a_key_is_refused() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_RATE_LIMITS_SIGNUP", "20/m/ip,1/m/key").onlyProblem();

        assertThat(problem.keys()).containsExactly("rate-limits.signup");
        assertThat(problem.message()).contains("per IP only");
    }

    @Test
    void an_unknown_store_lists_the_two_there_are() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_RATE_LIMITS_STORE", "redis").onlyProblem();

        assertThat(problem.keys()).containsExactly("rate-limits.store");
        assertThat(problem.message()).isEqualTo("must be one of database, memory, not \"redis\"");
    }

    @Test
    void a_proxy_that_is_not_an_address_or_network_is_named() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_HTTP_TRUSTED_PROXIES", "10.0.0.1, proxy.internal")
                .onlyProblem();

        assertThat(problem.keys()).containsExactly("http.trusted-proxies");
        assertThat(problem.message()).contains("\"proxy.internal\"");
    }

    @Test
    void a_header_name_that_is_not_one_is_named() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_HTTP_CLIENT_IP_HEADER", "X Forwarded For")
                .onlyProblem();

        assertThat(problem.keys()).containsExactly("http.client-ip-header");
    }
}
