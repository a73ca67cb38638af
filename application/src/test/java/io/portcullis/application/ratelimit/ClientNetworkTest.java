package io.portcullis.application.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.fakes.InMemoryRateLimitCounters;
import io.portcullis.application.port.AuditTrail;
import io.portcullis.domain.session.ClientDetails;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What counts as one client: an IPv4 address, or an IPv6 /64. */
class ClientNetworkTest {

    @ParameterizedTest
    @CsvSource({
        "203.0.113.9, 203.0.113.9",
        "2001:db8:1:2:3:4:5:6, 20010db800010002::/64",
        "2001:db8:1:2::ffff, 20010db800010002::/64",
        "2001:DB8:1:2:0:0:0:1, 20010db800010002::/64",
        "::ffff:203.0.113.9, 203.0.113.9",
        "::1, 0000000000000000::/64",
        "not-an-address, not-an-address",
        "fe80::1%eth0, fe80::1%eth0",
        "2001:db8::g, 2001:db8::g"})
    void counts_ipv4_by_address_and_ipv6_by_its_64_bit_network(String ip, String network) {
        assertThat(RateLimits.network(ip)).isEqualTo(network);
    }

    @Test
    void a_client_that_takes_a_new_ipv6_address_for_every_request_is_still_one_client() {
        var limits = new RateLimits(new InMemoryRateLimitCounters(),
                RateLimitSettings.defaults().with(RateLimitedAction.SIGNUP, "3/m/ip"),
                Clock.fixed(Instant.parse("2026-11-29T08:00:00Z"), ZoneOffset.UTC), AuditTrail.none());
        for (int i = 1; i <= 3; i++) {
            limits.consume(RateLimitedAction.SIGNUP, ClientDetails.of("x", "2001:db8:1:2::" + i), Optional.empty());
        }

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> limits.consume(RateLimitedAction.SIGNUP,
                ClientDetails.of("x", "2001:db8:1:2:aaaa:bbbb:cccc:dddd"), Optional.empty()))
                .isInstanceOf(RateLimitExceededException.class);
        limits.consume(RateLimitedAction.SIGNUP, ClientDetails.of("x", "2001:db8:1:3::1"), Optional.empty());
    }
}
