package io.portcullis.bootstrap.server;

/**
 * Which request targets are well formed enough to be served (RFC 9112 section 3.2, RFC 3986): no
 * control character or space, no character that may never appear in a URI, and every {@code %}
 * followed by two hexadecimal digits. Characters beyond ASCII are let through, as
 * {@link java.net.URI} accepts them. The query is held to less: Jersey escapes {@code {|}\^`} and
 * brackets in it before parsing.
 */
final class RequestTargets {

    private static final String NEVER_IN_PATH = "\"<>\\^`{|}[]";
    private static final String NEVER_IN_QUERY = "\"<>";

    private RequestTargets() {}

    /** @param path the path as received (not decoded); null or empty is valid */
    static boolean isValidPath(String path) {
        return isValid(path, NEVER_IN_PATH);
    }

    /** @param query the query string as received, without the {@code ?}; null or empty is valid */
    static boolean isValidQuery(String query) {
        return isValid(query, NEVER_IN_QUERY);
    }

    private static boolean isValid(String text, String forbidden) {
        if (text == null) {
            return true;
        }
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c == 0x7f || forbidden.indexOf(c) >= 0) {
                return false;
            }
            if (c == '%') {
                if (i + 2 >= length || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
