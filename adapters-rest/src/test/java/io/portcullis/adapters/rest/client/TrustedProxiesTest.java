package io.portcullis.adapters.rest.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

    private static final TrustedProxies PROXIES =
            TrustedProxies.of("10.0.0.0/8, 192.0.2.7, fd00::/8, ::1", "X-Forwarded-For");

    private static String client(String peer, String... forwarded) {
        return PROXIES.clientAddress(peer, List.of(forwarded));
    }

    @Test
    void without_trusted_proxies_the_peer_is_the_client_whatever_the_header_says() {
        assertThat(TrustedProxies.none().clientAddress("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(TrustedProxies.none().any()).isFalse();
    }

    @Test
    void a_peer_that_is_not_a_trusted_proxy_is_the_client() {
        assertThat(client("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
        assertThat(client("11.0.0.1", "198.51.100.1")).isEqualTo("11.0.0.1");
    }

    @Test
    void behind_a_trusted_proxy_the_right_most_untrusted_entry_is_the_client() {
        assertThat(client("10.1.2.3", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(client("10.1.2.3", "6.6.6.6, 198.51.100.1")).as("the left part is the client's own writing")
                .isEqualTo("198.51.100.1");
        assertThat(client("10.1.2.3", "198.51.100.1, 10.200.0.1, 192.0.2.7")).isEqualTo("198.51.100.1");
        assertThat(client("10.1.2.3", "6.6.6.6", "198.51.100.1, 10.0.0.2")).as("several header lines are one list")
                .isEqualTo("198.51.100.1");
    }

    @Test
    void when_every_hop_is_trusted_the_first_is_the_client() {
        assertThat(client("10.1.2.3", "10.0.0.9, 192.0.2.7")).isEqualTo("10.0.0.9");
    }

    @Test
    void ipv6_in_every_spelling() {
        assertThat(client("::1", "2001:db8::1")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(client("0:0:0:0:0:0:0:1", "[2001:db8::2]:8443")).isEqualTo("2001:db8:0:0:0:0:0:2");
        assertThat(client("fd12:3456::1", "[2001:db8::3]")).isEqualTo("2001:db8:0:0:0:0:0:3");
        assertThat(client("[::1]", "198.51.100.4")).isEqualTo("198.51.100.4");
        assertThat(client("fe80::1%eth0", "198.51.100.4")).as("a link-local peer is not in fd00::/8")
                .isEqualTo("fe80::1%eth0");
        assertThat(client("10.1.2.3", "2001:db8::5, fd00::9")).isEqualTo("2001:db8:0:0:0:0:0:5");
        assertThat(client("10.1.2.3", "::ffff:198.51.100.6")).as("an IPv4-mapped address is the IPv4 one")
                .isEqualTo("198.51.100.6");
    }

    @Test
    void ipv4_with_a_port() {
        assertThat(client("10.1.2.3", "198.51.100.8:51234")).isEqualTo("198.51.100.8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "", " ", "example.com", "198.51.100.256", "198.51.100", "1.2.3.4.5",
        "2001:db8::g", "[2001:db8::1", "[2001:db8::1]x", "198.51.100.1:port", "_hidden", "localhost",
        "198.51.100.1:123456", "[198.51.100.1]", "1:2:3:4:5:6:7:8:9"})
    void a_malformed_entry_where_it_is_read_leaves_the_peer(String entry) {
        assertThat(client("10.1.2.3", entry)).isEqualTo("10.1.2.3");
        assertThat(client("10.1.2.3", "198.51.100.1, " + entry)).isEqualTo("10.1.2.3");
    }

    @Test
    void a_malformed_entry_left_of_the_client_is_never_read() {
        assertThat(client("10.1.2.3", "garbage, 198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/8, 10.255.255.255, true", "10.0.0.0/8, 11.0.0.0, false", "192.0.2.0/25, 192.0.2.127, true",
        "192.0.2.0/25, 192.0.2.128, false", "192.0.2.7, 192.0.2.7, true", "192.0.2.7, 192.0.2.8, false",
        "0.0.0.0/0, 203.0.113.1, true", "fd00::/8, fdff::1, true", "fd00::/8, fe00::1, false",
        "2001:db8::/33, 2001:db8:7fff::1, true", "2001:db8::/33, 2001:db8:8000::1, false",
        "::/0, 2001:db8::1, true", "::/0, 192.0.2.1, false", "10.0.0.0/8, fd00::1, false"})
    void networks_contain_their_addresses(String network, String address, boolean contained) {
        assertThat(TrustedProxies.of(network, "X-Forwarded-For").trusts(address)).isEqualTo(contained);
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.internal", "10.0.0.0/33", "fd00::/129", "10.0.0.0/", "10.0.0/8", "10.0.0.0/-1",
        "300.0.0.1", "fd00::/8/8"})
    void refuses_what_is_not_an_address_or_a_network(String entry) {
        assertThatThrownBy(() -> TrustedProxies.of("10.0.0.1, " + entry, "X-Forwarded-For"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"" + entry + "\"");
    }

    @Test
    void refuses_a_header_name_that_is_not_one() {
        assertThatThrownBy(() -> TrustedProxies.of("10.0.0.1", "X Forwarded"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X Forwarded");
        assertThat(TrustedProxies.of("10.0.0.1", "X-Real-IP").clientAddress("10.0.0.1", List.of("198.51.100.3")))
                .isEqualTo("198.51.100.3");
    }

    @Test
    void an_empty_list_trusts_none() {
        assertThat(TrustedProxies.of(" , ", "X-Forwarded-For").any()).isFalse();
        assertThat(TrustedProxies.of("", "X-Forwarded-For").clientAddress("10.0.0.1", List.of("198.51.100.3")))
                .isEqualTo("10.0.0.1");
    }
}
