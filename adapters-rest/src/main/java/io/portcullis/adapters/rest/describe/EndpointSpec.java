package io.portcullis.adapters.rest.describe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one endpoint is: where it lives, what it is called, which methods it serves and which
 * fields it reads. The OPTIONS answers, the browsable pages and the OpenAPI document are all
 * written from these descriptions, so they cannot disagree.
 *
 * @param key a stable identifier, also the OpenAPI operation prefix and the page's data attribute
 * @param path below the base path, with dj-rest-auth's trailing slash: {@code login/},
 *     {@code password/reset/confirm/{uid}/{token}/}
 * @param methods the HTTP methods served, OPTIONS excepted, in DRF's order
 * @param action the method whose fields OPTIONS lists under {@code actions}, as DRF lists one
 *     writing method; empty when DRF lists none
 * @param fields what a request body may hold (for the user endpoint: the user as PUT takes it,
 *     read-only fields included)
 * @param authenticated needs an access token (header or cookie)
 * @param browsable a browser is answered with the browsable page; the endpoint answers OPTIONS with
 *     DRF's metadata
 */
public record EndpointSpec(
        String key,
        String path,
        String name,
        String description,
        List<String> methods,
        Optional<String> action,
        List<FieldSpec> fields,
        boolean authenticated,
        boolean browsable) {

    public EndpointSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(action, "action");
        methods = List.copyOf(methods);
        fields = List.copyOf(fields);
    }

    /** The fields a client may send: every field that is not read-only. */
    public List<FieldSpec> writableFields() {
        return fields.stream().filter(field -> !field.readOnly()).toList();
    }

    /** The methods that take a body. */
    public List<String> writingMethods() {
        return methods.stream().filter(m -> !m.equals("GET") && !m.equals("HEAD")).toList();
    }

    /** The path without its trailing slash, as the resource is registered (the slash is optional). */
    public String resourcePath() {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
