package io.portcullis.domain.session;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a session's requests came from, as the user sees it in the list of their sessions: the
 * browser's {@code User-Agent} and the client's IP address. Both are informative only (a client
 * chooses its User-Agent, and a proxy may stand in front of it); they are cut to a sane length and
 * stripped of control characters, never trusted for a decision.
 */
public record ClientDetails(Optional<String> userAgent, Optional<String> ipAddress) {

    public static final int MAX_USER_AGENT_LENGTH = 512;
    /** An IPv6 address with an embedded IPv4 one: {@code ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255}. */
    public static final int MAX_IP_ADDRESS_LENGTH = 45;

    private static final ClientDetails UNKNOWN = new ClientDetails(Optional.empty(), Optional.empty());

    public ClientDetails {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(ipAddress, "ipAddress");
        userAgent = clean(userAgent, MAX_USER_AGENT_LENGTH);
        ipAddress = clean(ipAddress, MAX_IP_ADDRESS_LENGTH);
    }

    /** Nothing known: a use case driven from elsewhere than HTTP, or a test. */
    public static ClientDetails unknown() {
        return UNKNOWN;
    }

    public static ClientDetails of(String userAgent, String ipAddress) {
        return new ClientDetails(Optional.ofNullable(userAgent), Optional.ofNullable(ipAddress));
    }

    private static Optional<String> clean(Optional<String> value, int maxLength) {
        return value.map(text -> text.replaceAll("\\p{Cntrl}", " ").strip())
                .filter(text -> !text.isEmpty())
                .map(text -> text.length() > maxLength ? text.substring(0, maxLength) : text);
    }
}
