package io.portcullis.adapters.rest.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Cross-origin requests from browsers, as django-cors-headers configures them. Nothing is allowed
 * by default: a frontend on another origin must be listed.
 *
 * @param allowedOrigins CORS_ALLOWED_ORIGINS: {@code scheme://host[:port]} each, or {@code *} alone
 *     for any origin (CORS_ALLOW_ALL_ORIGINS)
 * @param allowedMethods CORS_ALLOW_METHODS, answered to preflight requests
 * @param allowedHeaders CORS_ALLOW_HEADERS, answered to preflight requests
 * @param exposedHeaders CORS_EXPOSE_HEADERS: response headers a script may read
 * @param allowCredentials CORS_ALLOW_CREDENTIALS: cookies and the Authorization header may cross
 * @param maxAge CORS_PREFLIGHT_MAX_AGE: how long a browser may cache a preflight answer; zero sends none
 */
public record CorsSettings(
        List<String> allowedOrigins,
        List<String> allowedMethods,
        List<String> allowedHeaders,
        List<String> exposedHeaders,
        boolean allowCredentials,
        Duration maxAge) {

    /** django-cors-headers' default methods. */
    public static final List<String> DEFAULT_METHODS = List.of("DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT");
    /** django-cors-headers' default request headers. */
    public static final List<String> DEFAULT_HEADERS =
            List.of("accept", "authorization", "content-type", "user-agent", "x-csrftoken", "x-requested-with");
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(1);

    private static final Pattern TOKEN = Pattern.compile("^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$");

    public CorsSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedMethods = List.copyOf(allowedMethods);
        allowedHeaders = List.copyOf(allowedHeaders);
        exposedHeaders = List.copyOf(exposedHeaders);
        Objects.requireNonNull(maxAge, "maxAge");
        if (allowedOrigins.contains("*") && allowedOrigins.size() > 1) {
            throw new IllegalArgumentException("the allowed origins are either * alone or a list of origins");
        }
        if (allowedOrigins.contains("*") && allowCredentials) {
            throw new IllegalArgumentException(
                    "credentials cannot be allowed for every origin (*): list the origins that may send them");
        }
        for (String origin : allowedOrigins) {
            if (!origin.equals("*") && !isOrigin(origin)) {
                throw new IllegalArgumentException("'" + origin
                        + "' is not an origin: write scheme://host[:port], with no path and no trailing slash");
            }
        }
        allowedMethods.forEach(method -> checkToken("method", method));
        allowedHeaders.forEach(header -> checkToken("header", header));
        exposedHeaders.forEach(header -> checkToken("header", header));
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("the preflight max age cannot be negative");
        }
    }

    /** Nothing allowed: no origin is listed, so no answer carries CORS headers. */
    public static CorsSettings none() {
        return new CorsSettings(List.of(), DEFAULT_METHODS, DEFAULT_HEADERS, List.of(), false, DEFAULT_MAX_AGE);
    }

    /** The defaults with these origins. */
    public static CorsSettings allowing(String... origins) {
        return new CorsSettings(List.of(origins), DEFAULT_METHODS, DEFAULT_HEADERS, List.of(), false, DEFAULT_MAX_AGE);
    }

    public CorsSettings withCredentials(boolean value) {
        return new CorsSettings(allowedOrigins, allowedMethods, allowedHeaders, exposedHeaders, value, maxAge);
    }

    public CorsSettings withExposedHeaders(List<String> headers) {
        return new CorsSettings(allowedOrigins, allowedMethods, allowedHeaders, headers, allowCredentials, maxAge);
    }

    /** Whether any origin is allowed at all; without one, requests are served as if CORS did not exist. */
    public boolean enabled() {
        return !allowedOrigins.isEmpty();
    }

    public boolean allowsAnyOrigin() {
        return allowedOrigins.contains("*");
    }

    /** Origins compare as browsers send them: scheme and host in lower case. */
    public boolean allows(String origin) {
        if (allowsAnyOrigin()) {
            return true;
        }
        String lower = origin.toLowerCase(Locale.ROOT);
        return allowedOrigins.stream().anyMatch(allowed -> allowed.toLowerCase(Locale.ROOT).equals(lower));
    }

    private static boolean isOrigin(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null && uri.getHost() != null && uri.getRawPath() != null
                    && uri.getRawPath().isEmpty() && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void checkToken(String what, String value) {
        if (!TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a valid " + what + " name");
        }
    }
}
