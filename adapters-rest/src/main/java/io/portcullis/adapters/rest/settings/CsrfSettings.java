package io.portcullis.adapters.rest.settings;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How unsafe requests (POST, PUT, PATCH, DELETE) that a token cookie authenticates prove that the
 * page sending them is the frontend's own, not another site's form or script (ASVS 3.5): a request
 * authenticated by the {@code Authorization} header needs nothing, since no other site can make a
 * browser send one.
 *
 * @param mode {@link Mode#OFF} is dj-rest-auth's default ({@code JWT_AUTH_COOKIE_USE_CSRF = False})
 * @param cookieName the cookie of the double-submit token (Django's {@code CSRF_COOKIE_NAME})
 * @param headerName the header that must carry it, or in header mode must be present (Django's
 *     {@code CSRF_HEADER_NAME}, {@code X-CSRFToken})
 */
public record CsrfSettings(Mode mode, String cookieName, String headerName) {

    /** How a cookie-authenticated unsafe request is checked. */
    public enum Mode {
        /** Not checked. */
        OFF,
        /**
         * Login sets a random token in a cookie that scripts may read; the request must repeat it in
         * the header. Another site can neither read the cookie nor set the header.
         */
        DOUBLE_SUBMIT,
        /**
         * The request must carry the header, with any value: browsers send no custom header across
         * sites without a CORS preflight, which a foreign origin does not pass.
         */
        HEADER;

        /** The word used in settings: {@code off}, {@code double-submit}, {@code header}. */
        public String settingName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static final String DEFAULT_COOKIE = "csrftoken";
    public static final String DEFAULT_HEADER = "X-CSRFToken";

    private static final Pattern TOKEN = Pattern.compile("^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$");

    public CsrfSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(cookieName, "cookieName");
        Objects.requireNonNull(headerName, "headerName");
        if (!TOKEN.matcher(cookieName).matches()) {
            throw new IllegalArgumentException("the CSRF cookie name '" + cookieName + "' is not a valid cookie name");
        }
        if (!TOKEN.matcher(headerName).matches()) {
            throw new IllegalArgumentException("the CSRF header name '" + headerName + "' is not a valid header name");
        }
    }

    public static CsrfSettings off() {
        return new CsrfSettings(Mode.OFF, DEFAULT_COOKIE, DEFAULT_HEADER);
    }

    public static CsrfSettings doubleSubmit() {
        return new CsrfSettings(Mode.DOUBLE_SUBMIT, DEFAULT_COOKIE, DEFAULT_HEADER);
    }

    public static CsrfSettings header(String name) {
        return new CsrfSettings(Mode.HEADER, DEFAULT_COOKIE, name);
    }

    /** Whether login sets the CSRF cookie. */
    public boolean usesCookie() {
        return mode == Mode.DOUBLE_SUBMIT;
    }
}
