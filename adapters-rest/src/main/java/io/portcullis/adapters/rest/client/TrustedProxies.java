package io.portcullis.adapters.rest.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which client address a request speaks for. Without trusted proxies it is the connection's
 * peer: a header is written by the client and proves nothing. When the peer is one of the named
 * proxies, the address is taken from the forwarding header ({@code X-Forwarded-For} by default),
 * read from the right: each proxy appends the address it received the request from, so the
 * right-most entry that is not itself a trusted proxy is the client; entries further left were
 * written by the client and are ignored. A header that is missing, or malformed where it is read,
 * leaves the peer's address.
 *
 * @param proxies the proxies' addresses or networks (CIDR), IPv4 or IPv6; none by default
 * @param header the forwarding header, a comma-separated list of addresses
 */
public record TrustedProxies(List<Network> proxies, String header) {

    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    public static final String DEFAULT_HEADER = "X-Forwarded-For";

    public TrustedProxies {
        proxies = List.copyOf(proxies);
        Objects.requireNonNull(header, "header");
        if (!HEADER_NAME.matcher(header).matches()) {
            throw new IllegalArgumentException("\"" + header + "\" is not an HTTP header name");
        }
    }

    /** No proxy is trusted: the address is always the connection's. */
    public static TrustedProxies none() {
        return new TrustedProxies(List.of(), DEFAULT_HEADER);
    }

    /**
     * The proxies of a comma-separated list of addresses and networks, such as
     * {@code 10.0.0.0/8, 192.0.2.7, fd00::/8}.
     *
     * @throws IllegalArgumentException naming the entry that is neither
     */
    public static TrustedProxies of(String list, String header) {
        var networks = new ArrayList<Network>();
        for (String entry : list.split(",")) {
            if (!entry.isBlank()) {
                networks.add(Network.parse(entry.strip()));
            }
        }
        return new TrustedProxies(networks, header);
    }

    /** Whether any proxy is trusted at all. */
    public boolean any() {
        return !proxies.isEmpty();
    }

    /**
     * The client's address.
     *
     * @param peer the address of the connection, as the container reports it
     * @param forwarded every value of the forwarding header, in the order received
     */
    public String clientAddress(String peer, List<String> forwarded) {
        if (proxies.isEmpty() || forwarded.isEmpty() || !trusts(peer)) {
            return peer;
        }
        List<String> entries = new ArrayList<>();
        for (String value : forwarded) {
            entries.addAll(Arrays.asList(value.split(",", -1)));
        }
        String leftmost = peer;
        for (int i = entries.size() - 1; i >= 0; i--) {
            Optional<InetAddress> address = forwardedAddress(entries.get(i));
            if (address.isEmpty()) {
                return peer;
            }
            leftmost = address.get().getHostAddress();
            if (!trusts(address.get())) {
                return leftmost;
            }
        }
        // Every hop is a trusted proxy: the first of them is where the request came from.
        return leftmost;
    }

    /** Whether {@code address} (a literal, possibly with a zone) is one of the trusted proxies. */
    public boolean trusts(String address) {
        return literal(stripZone(address)).map(this::trusts).orElse(false);
    }

    private boolean trusts(InetAddress address) {
        return proxies.stream().anyMatch(network -> network.contains(address));
    }

    /** An entry of the header: an address, IPv6 possibly in brackets, either possibly with a port. */
    static Optional<InetAddress> forwardedAddress(String entry) {
        String text = entry.strip();
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            String rest = text.substring(close + 1);
            if (!rest.isEmpty() && !rest.matches(":\\d{1,5}")) {
                return Optional.empty();
            }
            String inside = text.substring(1, close);
            return inside.contains(":") ? literal(inside) : Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon > 0 && colon == text.lastIndexOf(':')) {
            // IPv4 with a port, as some proxies write it.
            if (!text.substring(colon + 1).matches("\\d{1,5}")) {
                return Optional.empty();
            }
            text = text.substring(0, colon);
        }
        return literal(text);
    }

    /** An IPv4 or IPv6 literal, parsed without any name lookup; empty for anything else. */
    static Optional<InetAddress> literal(String text) {
        if (text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        boolean v4 = IPV4.matcher(text).matches();
        if (v4) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!text.contains(":") || !IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            // A literal of these characters is parsed, never looked up.
            return Optional.of(InetAddress.getByName(v4 ? text : "[" + text + "]"));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String stripZone(String address) {
        String text = address.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        int zone = text.indexOf('%');
        return zone >= 0 ? text.substring(0, zone) : text;
    }

    /** An address or a network of addresses: {@code 192.0.2.7}, {@code 10.0.0.0/8}, {@code fd00::/8}. */
    public record Network(byte[] prefix, int bits) {

        public Network {
            prefix = prefix.clone();
            if (prefix.length != 4 && prefix.length != 16) {
                throw new IllegalArgumentException("an address has 4 or 16 bytes");
            }
            if (bits < 0 || bits > prefix.length * 8) {
                throw new IllegalArgumentException("a prefix of " + bits + " bits does not fit the address");
            }
        }

        /** @throws IllegalArgumentException naming the entry */
        public static Network parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            Optional<InetAddress> parsed = literal(address);
            if (parsed.isEmpty()) {
                throw new IllegalArgumentException("\"" + text + "\" is not an IP address or a network such as"
                        + " 10.0.0.0/8 or fd00::/8");
            }
            byte[] bytes = parsed.get().getAddress();
            int bits = bytes.length * 8;
            if (slash >= 0) {
                String length = text.substring(slash + 1);
                if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                    throw new IllegalArgumentException("\"" + text + "\" has a prefix length that is not 0 to " + bits);
                }
                bits = Integer.parseInt(length);
            }
            return new Network(bytes, bits);
        }

        public boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (bytes[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[whole] & mask) == (prefix[whole] & mask);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Network n && n.bits == bits && Arrays.equals(n.prefix, prefix);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(prefix) + bits;
        }

        @Override
        public String toString() {
            try {
                return InetAddress.getByAddress(prefix).getHostAddress() + "/" + bits;
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
