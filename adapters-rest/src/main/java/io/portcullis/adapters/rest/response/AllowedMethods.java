package io.portcullis.adapters.rest.response;

import jakarta.ws.rs.HttpMethod;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code Allow} header as DRF writes it: methods in its fixed order, HEAD with GET, OPTIONS always. */
public final class AllowedMethods {

    private static final List<String> ORDER = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.HEAD, HttpMethod.OPTIONS, "TRACE");

    private AllowedMethods() {}

    public static String header(Collection<String> methods) {
        Set<String> given = methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        return ORDER.stream()
                .filter(m -> given.contains(m)
                        || m.equals(HttpMethod.OPTIONS)
                        || (m.equals(HttpMethod.HEAD) && given.contains(HttpMethod.GET)))
                .collect(Collectors.joining(", "));
    }
}
