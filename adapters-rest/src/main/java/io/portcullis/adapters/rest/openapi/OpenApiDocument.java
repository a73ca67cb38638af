package io.portcullis.adapters.rest.openapi;

import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.describe.EndpointSpec;
import io.portcullis.adapters.rest.describe.FieldSpec;
import io.portcullis.adapters.rest.settings.CsrfSettings;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.settings.EmailVerification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The OpenAPI 3.1 description of the API under the running settings, written from the same
 * {@link EndpointCatalogue} that answers OPTIONS and draws the browsable pages: every endpoint,
 * its request fields (custom profile fields included, with their choices, lengths and patterns),
 * its answers and their error shapes, and the security schemes.
 */
public final class OpenApiDocument {

    static final String VERSION = "3.1.0";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String RESPONSES = "#/components/responses/";
    /** The endpoints whose POST counts against a rate limit. */
    private static final java.util.Set<String> RATE_LIMITED = java.util.Set.of(EndpointCatalogue.LOGIN,
            EndpointCatalogue.REGISTRATION, EndpointCatalogue.PASSWORD_RESET, EndpointCatalogue.RESEND_EMAIL,
            EndpointCatalogue.TOKEN_REFRESH);
    private static final String BEARER = "jwtBearer";
    private static final String COOKIE = "jwtCookie";
    private static final String KEY = "tokenKey";

    private final EndpointCatalogue catalogue;
    private final RestSettings settings;

    private OpenApiDocument(EndpointCatalogue catalogue, RestSettings settings) {
        this.catalogue = catalogue;
        this.settings = settings;
    }

    /** The document as nested maps and lists, keys in a stable order, ready for JSON or YAML. */
    public static Map<String, Object> build(EndpointCatalogue catalogue, RestSettings settings) {
        return new OpenApiDocument(catalogue, settings).document();
    }

    private Map<String, Object> document() {
        var document = new LinkedHashMap<String, Object>();
        document.put("openapi", VERSION);
        document.put("info", info());
        document.put("servers", List.of(Map.of("url", "/")));
        document.put("tags", tags());
        document.put("paths", paths());
        document.put("components", components());
        return document;
    }

    private Map<String, Object> info() {
        var info = new LinkedHashMap<String, Object>();
        info.put("title", "Portcullis");
        String version = OpenApiDocument.class.getPackage().getImplementationVersion();
        info.put("version", version == null ? "development" : version);
        info.put("summary", "Registration and authentication, compatible with dj-rest-auth over HTTP.");
        info.put("description", """
                The endpoints of dj-rest-auth (with django-allauth and simplejwt) under the base path, with \
                the same paths, JSON field names, status codes and error shapes. The trailing slash of \
                every path is optional.

                Request bodies may be JSON, form-encoded or multipart. Errors come in three shapes: \
                field errors (`{"email": ["..."]}`, with `non_field_errors` for errors of the whole \
                request), `{"detail": "..."}`, and simplejwt's token errors with a `code`.

                A browser (Accept preferring text/html, or `?format=api`) gets every endpoint as a \
                browsable page with a form; `?format=json` asks for JSON whatever the Accept header says.""");
        return info;
    }

    private static List<Map<String, Object>> tags() {
        return List.of(
                tag("Authentication", "Log in and out, and the JWT pair."),
                tag("User", "The caller's own account and password."),
                tag("Registration", "Sign-up and e-mail address confirmation."),
                tag("Password reset", "A reset link by mail, and the new password."),
                tag("Sessions", "The caller's logins: review them, end one or all others."),
                tag("Social login", "Log in with an OpenID Connect or OAuth2 provider; connect, list and disconnect"
                        + " the caller's provider identities."),
                tag("Documents", "This document and the browsable pages' files."),
                tag("Health", "Liveness and readiness probes."));
    }

    private static Map<String, Object> tag(String name, String description) {
        var tag = new LinkedHashMap<String, Object>();
        tag.put("name", name);
        tag.put("description", description);
        return tag;
    }

    private static String tagOf(String key) {
        return switch (key) {
            case EndpointCatalogue.LOGIN, EndpointCatalogue.LOGOUT, EndpointCatalogue.TOKEN_VERIFY,
                    EndpointCatalogue.TOKEN_REFRESH -> "Authentication";
            case EndpointCatalogue.USER, EndpointCatalogue.PASSWORD_CHANGE -> "User";
            case EndpointCatalogue.REGISTRATION, EndpointCatalogue.VERIFY_EMAIL, EndpointCatalogue.VERIFY_EMAIL_ALIAS,
                    EndpointCatalogue.RESEND_EMAIL, EndpointCatalogue.CONFIRMATION_LINK -> "Registration";
            case EndpointCatalogue.PASSWORD_RESET, EndpointCatalogue.PASSWORD_RESET_CONFIRM,
                    EndpointCatalogue.PASSWORD_RESET_LINK -> "Password reset";
            case EndpointCatalogue.SESSIONS, EndpointCatalogue.SESSION, EndpointCatalogue.SESSIONS_REVOKE_OTHERS ->
                    "Sessions";
            case EndpointCatalogue.SOCIAL_LOGIN, EndpointCatalogue.SOCIAL_CONNECT, EndpointCatalogue.SOCIAL_ACCOUNTS,
                    EndpointCatalogue.SOCIAL_DISCONNECT -> "Social login";
            default -> "Documents";
        };
    }

    // ------------------------------------------------------------------ paths

    private Map<String, Object> paths() {
        var paths = new LinkedHashMap<String, Object>();
        for (EndpointSpec spec : catalogue.all()) {
            var item = new LinkedHashMap<String, Object>();
            List<Map<String, Object>> parameters = pathParameters(spec);
            if (!parameters.isEmpty()) {
                item.put("parameters", parameters);
            }
            for (String method : spec.methods()) {
                item.put(method.toLowerCase(Locale.ROOT), operation(spec, method));
            }
            if (spec.browsable()) {
                item.put("options", optionsOperation(spec));
            }
            paths.put(catalogue.urlPath(spec), item);
        }
        if (settings.publishesKeys()) {
            paths.put(io.portcullis.adapters.rest.keys.JwksResource.PATH, jwks());
        }
        paths.put("/health/live", health("live", "Liveness: answers as long as the process serves HTTP.", false));
        paths.put("/health/ready", health("ready", "Readiness: the database answers.", true));
        return paths;
    }

    private List<Map<String, Object>> pathParameters(EndpointSpec spec) {
        var parameters = new ArrayList<Map<String, Object>>();
        var matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(spec.path());
        while (matcher.find()) {
            var parameter = new LinkedHashMap<String, Object>();
            parameter.put("name", matcher.group(1));
            parameter.put("in", "path");
            parameter.put("required", true);
            parameter.put("description", switch (matcher.group(1)) {
                case "key" -> "The confirmation key of the mail.";
                case "uid" -> "The account's id in base 36, from the reset mail.";
                case "token" -> "The reset token, from the reset mail.";
                case "file" -> "browsable.js or browsable.css.";
                case "id" -> spec.key().equals(EndpointCatalogue.SOCIAL_DISCONNECT)
                        ? "The social account's id, as socialaccounts/ lists it."
                        : "The session's id, as sessions/ lists it.";
                case "provider" -> "The provider's id, as the settings name it.";
                default -> matcher.group(1);
            });
            parameter.put("schema", matcher.group(1).equals("provider")
                    ? Map.of("type", "string", "enum", catalogue.socialProviders())
                    : Map.of("type", "string"));
            parameters.add(parameter);
        }
        return parameters;
    }

    private Map<String, Object> operation(EndpointSpec spec, String method) {
        var operation = new LinkedHashMap<String, Object>();
        operation.put("tags", List.of(tagOf(spec.key())));
        operation.put("summary", spec.name());
        String description = operationDescription(spec, method);
        if (!description.isEmpty()) {
            operation.put("description", description);
        }
        operation.put("operationId", operationId(spec, method));
        if (spec.authenticated()) {
            operation.put("security", security());
        }
        if (!method.equals("GET") && !method.equals("HEAD") && !spec.writableFields().isEmpty()) {
            operation.put("requestBody", requestBody(spec, method));
        }
        operation.put("responses", responses(spec, method));
        return operation;
    }

    private String operationDescription(EndpointSpec spec, String method) {
        return switch (spec.key()) {
            case EndpointCatalogue.CONFIRMATION_LINK -> method.equals("HEAD")
                    ? "Confirms nothing: link checkers and mail scanners send HEAD."
                    : settings.confirmEmailOnGet()
                            ? "The link of the confirmation mail: confirms the address and redirects to "
                                    + settings.emailConfirmedLocation() + "."
                            : "The link of the confirmation mail: a browser gets a page whose button confirms; "
                                    + "an API client, which should post the key to verify-email, gets 405.";
            case EndpointCatalogue.PASSWORD_RESET_LINK -> method.equals("GET")
                    ? "The link of the reset mail: a browser gets a form for the new password; API clients get 405."
                    : spec.description() + "\n\nuid and token come from the body or, when it has none, from the path.";
            case EndpointCatalogue.VERIFY_EMAIL, EndpointCatalogue.VERIFY_EMAIL_ALIAS ->
                    "Confirms the address of the mailed key. A browser submitting the confirmation page's button is "
                            + "redirected as when following the link.";
            default -> spec.description();
        };
    }

    private static String operationId(EndpointSpec spec, String method) {
        return spec.key().replace('-', '_') + "_" + method.toLowerCase(Locale.ROOT);
    }

    private List<Map<String, Object>> security() {
        var schemes = new ArrayList<Map<String, Object>>();
        if (settings.opaqueKeys()) {
            schemes.add(Map.of(KEY, List.of()));
            return schemes;
        }
        schemes.add(Map.of(BEARER, List.of()));
        if (settings.cookies().accessName().isPresent()) {
            schemes.add(Map.of(COOKIE, List.of()));
        }
        return schemes;
    }

    private Map<String, Object> requestBody(EndpointSpec spec, String method) {
        String schema = ref(requestSchemaName(spec, method));
        var content = new LinkedHashMap<String, Object>();
        for (String type : DrfMetadata.PARSES) {
            content.put(type, Map.of("schema", Map.of("$ref", schema)));
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("required", !spec.key().equals(EndpointCatalogue.LOGOUT));
        body.put("content", content);
        return body;
    }

    private static String requestSchemaName(EndpointSpec spec, String method) {
        if (spec.key().equals(EndpointCatalogue.USER)) {
            return method.equals("PATCH") ? "PatchedUserRequest" : "UserRequest";
        }
        return switch (spec.key()) {
            case EndpointCatalogue.VERIFY_EMAIL_ALIAS -> "VerifyEmailRequest";
            case EndpointCatalogue.PASSWORD_RESET_LINK -> "PasswordResetConfirmRequest";
            default -> pascal(spec.key()) + "Request";
        };
    }

    private Map<String, Object> responses(EndpointSpec spec, String method) {
        var responses = new LinkedHashMap<String, Object>();
        switch (spec.key()) {
            case EndpointCatalogue.LOGIN -> {
                responses.put("200", settings.opaqueKeys()
                        ? json("Logged in: the key of the new session.", "Key")
                        : json("Logged in: the token pair and the user; the token cookies when configured.",
                                settings.returnExpiration() ? "TokenPairWithExpiration" : "TokenPair"));
                responses.put("400", ref400());
            }
            case EndpointCatalogue.LOGOUT -> {
                if (settings.opaqueKeys()) {
                    responses.put("200", json("The session of the Authorization key ends (nothing to end without one).",
                            "Detail"));
                    responses.put("401", json("The key authenticates nothing: Invalid token.", "Detail"));
                } else {
                    responses.put("200", json("The refresh token is blacklisted; the token cookies are deleted.",
                            "Detail"));
                    responses.put("401", json("No refresh token, or one that is invalid, expired or blacklisted.",
                            "Detail"));
                }
            }
            case EndpointCatalogue.USER -> {
                responses.put("200", json("The caller's account.", "User"));
                if (!method.equals("GET")) {
                    responses.put("400", ref400());
                    responses.put("409", json("Another request changed the account meanwhile: retry.", "Detail"));
                }
                responses.put("401", refTo("Unauthorized"));
            }
            case EndpointCatalogue.PASSWORD_CHANGE -> {
                responses.put("200", json("The new password is saved.", "Detail"));
                responses.put("400", ref400());
                responses.put("401", refTo("Unauthorized"));
                responses.put("409", json("Another request changed the account meanwhile: retry.", "Detail"));
            }
            case EndpointCatalogue.TOKEN_VERIFY -> {
                responses.put("200", json("The token is good.", "Empty"));
                responses.put("400", ref400());
                responses.put("401", json("The token is invalid, expired or blacklisted.", "CodedDetail"));
            }
            case EndpointCatalogue.TOKEN_REFRESH -> {
                responses.put("200", json("A new access token and, with rotation, a new refresh token.", "TokenRefresh"));
                responses.put("400", ref400());
                responses.put("401", json("No refresh token, or one that is invalid, expired or blacklisted.",
                        "CodedDetail"));
            }
            case EndpointCatalogue.REGISTRATION -> {
                boolean mailed = settings.account().emailVerification() == EmailVerification.MANDATORY;
                responses.put("201", json(mailed
                        ? "The account exists; the confirmation mail is on its way and login waits for it."
                        : settings.opaqueKeys() ? "The account exists: the key of its first session."
                        : "The account exists: the token pair and the user.",
                        mailed ? "Detail" : settings.opaqueKeys() ? "Key" : "TokenPair"));
                responses.put("400", ref400());
            }
            case EndpointCatalogue.VERIFY_EMAIL, EndpointCatalogue.VERIFY_EMAIL_ALIAS -> {
                responses.put("200", json("The address is confirmed.", "Detail"));
                responses.put("302", redirect("A browser is sent on as after following the link."));
                responses.put("400", ref400());
                responses.put("404", refTo("NotFound"));
            }
            case EndpointCatalogue.RESEND_EMAIL -> {
                responses.put("200", json("A new mail is on its way if the address awaits confirmation.", "Detail"));
                responses.put("400", ref400());
            }
            case EndpointCatalogue.CONFIRMATION_LINK -> {
                if (method.equals("HEAD")) {
                    responses.put("200", description("Nothing confirmed."));
                } else {
                    responses.put("200", html("The page whose button confirms (confirmation on GET off)."));
                    responses.put("302", redirect("Confirmed: on to the login page or the configured URL."));
                    responses.put("404", jsonOrHtml("The link is unknown, expired or used."));
                    responses.put("405", refTo("MethodNotAllowed"));
                }
            }
            case EndpointCatalogue.PASSWORD_RESET -> {
                responses.put("200", json("A reset mail is on its way if an account has the address.", "Detail"));
                responses.put("400", ref400());
            }
            case EndpointCatalogue.PASSWORD_RESET_CONFIRM -> {
                responses.put("200", jsonOrHtml("The password is reset."));
                responses.put("400", jsonOrHtml("Field errors; {\"uid\": [\"Invalid value\"]} or "
                        + "{\"token\": [\"Invalid value\"]} for a bad link.", "FieldErrors"));
            }
            case EndpointCatalogue.PASSWORD_RESET_LINK -> {
                if (method.equals("GET")) {
                    responses.put("200", html("The form for the new password."));
                    responses.put("405", refTo("MethodNotAllowed"));
                } else {
                    responses.put("200", jsonOrHtml("The password is reset."));
                    responses.put("400", jsonOrHtml("Field errors, or a bad link.", "FieldErrors"));
                }
            }
            case EndpointCatalogue.SESSIONS -> {
                responses.put("200", content("The caller's live sessions, the most recently used first.",
                        "application/json", Map.of("type", "array", "items", Map.of("$ref", ref("Session")))));
                responses.put("401", refTo("Unauthorized"));
            }
            case EndpointCatalogue.SESSIONS_REVOKE_OTHERS -> {
                responses.put("200", json("The other sessions ended; how many.", "SessionsRevoked"));
                responses.put("401", refTo("Unauthorized"));
            }
            case EndpointCatalogue.SESSION -> {
                responses.put("204", description("The session ended."));
                responses.put("401", refTo("Unauthorized"));
                responses.put("404", refTo("NotFound"));
            }
            case EndpointCatalogue.SOCIAL_LOGIN, EndpointCatalogue.SOCIAL_CONNECT -> {
                boolean connect = spec.key().equals(EndpointCatalogue.SOCIAL_CONNECT);
                String loggedIn = connect ? "Connected, and a new session as login/ answers: " : "Logged in as by login/: ";
                responses.put("200", settings.opaqueKeys()
                        ? json(loggedIn + "the key of the new session.", "Key")
                        : json(loggedIn + "the token pair and the user; the token cookies when configured.",
                                settings.returnExpiration() ? "TokenPairWithExpiration" : "TokenPair"));
                responses.put("400", json("No code or token; a field of the wrong shape; the provider refused the"
                        + " proof (a used code, a forged or expired ID token, a wrong nonce), saying why; "
                        + (connect ? "the identity belongs to another account."
                                : "the address belongs to an account whose owner must log in and connect; a new"
                                        + " account's missing fields; an unverified address under mandatory"
                                        + " verification."), "FieldErrors"));
                if (connect) {
                    responses.put("401", refTo("Unauthorized"));
                }
                responses.put("404", refTo("NotFound"));
            }
            case EndpointCatalogue.SOCIAL_ACCOUNTS -> {
                responses.put("200", content("The caller's linked provider identities, the oldest first.",
                        "application/json", Map.of("type", "array", "items", Map.of("$ref", ref("SocialAccount")))));
                responses.put("401", refTo("Unauthorized"));
            }
            case EndpointCatalogue.SOCIAL_DISCONNECT -> {
                responses.put("200", json("The link is removed; the removed link.", "SocialAccount"));
                responses.put("400", json("The last way into an account without a usable password: set a password"
                        + " first.", "FieldErrors"));
                responses.put("401", refTo("Unauthorized"));
                responses.put("404", refTo("NotFound"));
            }
            case EndpointCatalogue.OPENAPI_JSON -> responses.put("200", content("This document.", "application/json",
                    Map.of("type", "object")));
            case EndpointCatalogue.OPENAPI_YAML -> responses.put("200", content("This document.", "application/yaml",
                    Map.of("type", "string")));
            case EndpointCatalogue.STATIC_FILES -> {
                var files = new LinkedHashMap<String, Object>();
                files.put("text/javascript", Map.of("schema", Map.of("type", "string")));
                files.put("text/css", Map.of("schema", Map.of("type", "string")));
                var ok = new LinkedHashMap<String, Object>();
                ok.put("description", "The file, cacheable for a year.");
                ok.put("content", files);
                responses.put("200", ok);
                responses.put("304", description("Not modified (If-None-Match)."));
                responses.put("404", refTo("NotFound"));
            }
            default -> throw new IllegalStateException("no answers described for " + spec.key());
        }
        if (checksCsrf(spec, method)) {
            var csrf = settings.cookies().csrf();
            responses.put("403", json("CSRF Failed: the request, authenticated by a token cookie, lacks the "
                    + csrf.headerName() + " header" + (csrf.usesCookie() ? " equal to the " + csrf.cookieName()
                    + " cookie" : "") + ". Requests with the Authorization header need none.", "Detail"));
        }
        if (spec.browsable()) {
            responses.put("406", refTo("NotAcceptable"));
            if (!spec.writingMethods().isEmpty() && !method.equals("GET") && !method.equals("HEAD")) {
                responses.put("413", refTo("PayloadTooLarge"));
                responses.put("415", refTo("UnsupportedMediaType"));
            }
        }
        if (RATE_LIMITED.contains(spec.key()) && method.equals("POST")) {
            responses.put("429", refTo("Throttled"));
        }
        if (spec.browsable()) {
            responses.put("503", refTo("Unavailable"));
        }
        if (spec.key().equals(EndpointCatalogue.SOCIAL_LOGIN) || spec.key().equals(EndpointCatalogue.SOCIAL_CONNECT)) {
            var providerDown = new LinkedHashMap<String, Object>();
            providerDown.put("description", "The provider is down, too slow or answered outside its protocol (the"
                    + " detail names it), or the service is busy: retry after the given seconds.");
            providerDown.put("headers", Map.of("Retry-After", Map.of("schema", Map.of("type", "integer"))));
            providerDown.put("content", Map.of("application/json", Map.of("schema", Map.of("$ref", ref("Detail")))));
            responses.put("503", providerDown);
        }
        responses.put("default", refTo("Error"));
        return responses;
    }

    /** Unsafe requests a token cookie may authenticate, when cookies are on and CSRF is checked. */
    private boolean checksCsrf(EndpointSpec spec, String method) {
        if (!settings.cookies().enabled() || settings.cookies().csrf().mode() == CsrfSettings.Mode.OFF
                || method.equals("GET") || method.equals("HEAD")) {
            return false;
        }
        return spec.authenticated() || spec.key().equals(EndpointCatalogue.TOKEN_REFRESH)
                || spec.key().equals(EndpointCatalogue.LOGOUT);
    }

    private Map<String, Object> optionsOperation(EndpointSpec spec) {
        var operation = new LinkedHashMap<String, Object>();
        operation.put("tags", List.of(tagOf(spec.key())));
        operation.put("summary", spec.name() + ": metadata");
        operation.put("description", "DRF's metadata: name, description, media types and the fields of the "
                + "writing method.");
        operation.put("operationId", operationId(spec, "OPTIONS"));
        if (spec.authenticated()) {
            operation.put("security", security());
        }
        var responses = new LinkedHashMap<String, Object>();
        responses.put("200", json("The metadata.", "EndpointMetadata"));
        if (spec.authenticated()) {
            responses.put("401", refTo("Unauthorized"));
        }
        responses.put("default", refTo("Error"));
        operation.put("responses", responses);
        return operation;
    }

    private static Map<String, Object> socialAccount() {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("id", Map.of("type", "integer", "description", "What socialaccounts/{id}/disconnect/ takes."));
        properties.put("provider", Map.of("type", "string", "description", "The provider's id."));
        properties.put("uid", Map.of("type", "string", "description", "The person's subject at the provider."));
        properties.put("last_login", Map.of("type", "string", "format", "date-time",
                "description", "The last login through it, or when it was linked."));
        properties.put("date_joined", Map.of("type", "string", "format", "date-time",
                "description", "When it was linked."));
        return properties("A provider identity linked to the account.", List.copyOf(properties.keySet()), properties);
    }

    private static Map<String, Object> session() {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("id", Map.of("type", "string", "description", "What sessions/{id}/ takes."));
        properties.put("created", Map.of("type", "string", "format", "date-time", "description", "The login."));
        properties.put("last_used", Map.of("type", "string", "format", "date-time",
                "description", "The login or the last refresh."));
        properties.put("user_agent", Map.of("type", List.of("string", "null"),
                "description", "The browser's User-Agent at the login or the last refresh."));
        properties.put("ip_address", Map.of("type", List.of("string", "null"),
                "description", "The address the login or the last refresh came from."));
        properties.put("current", Map.of("type", "boolean", "description", "The session of this request."));
        return properties("A login that still works.", List.copyOf(properties.keySet()), properties);
    }

    private static Map<String, Object> jwks() {
        var key = new LinkedHashMap<String, Object>();
        key.put("type", "object");
        key.put("required", List.of("kty", "kid", "alg", "use"));
        var properties = new LinkedHashMap<String, Object>();
        properties.put("kty", Map.of("type", "string", "enum", List.of("RSA", "EC")));
        properties.put("use", Map.of("type", "string", "enum", List.of("sig")));
        properties.put("alg", Map.of("type", "string"));
        properties.put("kid", Map.of("type", "string", "description", "The kid header of the tokens it verifies."));
        for (String member : List.of("n", "e", "crv", "x", "y")) {
            properties.put(member, Map.of("type", "string"));
        }
        key.put("properties", properties);
        var set = new LinkedHashMap<String, Object>();
        set.put("type", "object");
        set.put("required", List.of("keys"));
        set.put("properties", Map.of("keys", Map.of("type", "array", "items", key)));
        var responses = new LinkedHashMap<String, Object>();
        responses.put("200", content("The JSON Web Key Set: the signing key first, then keys that stopped signing"
                + " while tokens they signed may still be valid.", "application/json", set));
        var operation = new LinkedHashMap<String, Object>();
        operation.put("tags", List.of("Authentication"));
        operation.put("summary", "Public keys (JWKS)");
        operation.put("description", "The public keys that verify access and refresh tokens (RFC 7517), for another"
                + " service that verifies tokens with nothing but this URL. Served when tokens are signed with RS* or"
                + " ES*. Keep it at most five minutes (Cache-Control), and fetch it again on an unknown kid.");
        operation.put("operationId", "jwks_get");
        operation.put("responses", responses);
        return Map.of("get", operation);
    }

    private static Map<String, Object> health(String which, String description, boolean canFail) {
        var status = new LinkedHashMap<String, Object>();
        status.put("type", "object");
        status.put("properties", Map.of("status", Map.of("type", "string", "enum", List.of("UP", "DOWN"))));
        var responses = new LinkedHashMap<String, Object>();
        responses.put("200", content("Up.", "application/json", status));
        if (canFail) {
            responses.put("503", content("Down.", "application/json", status));
        }
        var operation = new LinkedHashMap<String, Object>();
        operation.put("tags", List.of("Health"));
        operation.put("summary", description);
        operation.put("operationId", "health_" + which);
        operation.put("responses", responses);
        return Map.of("get", operation);
    }

    private static Map<String, Object> json(String description, String schema) {
        return content(description, "application/json", Map.of("$ref", ref(schema)));
    }

    private static Map<String, Object> jsonOrHtml(String description) {
        return jsonOrHtml(description, "Detail");
    }

    private static Map<String, Object> jsonOrHtml(String description, String schema) {
        var content = new LinkedHashMap<String, Object>();
        content.put("application/json", Map.of("schema", Map.of("$ref", ref(schema))));
        content.put("text/html", Map.of("schema", Map.of("type", "string")));
        var response = new LinkedHashMap<String, Object>();
        response.put("description", description + " A browser that submitted the built-in form gets a page.");
        response.put("content", content);
        return response;
    }

    private static Map<String, Object> html(String description) {
        return content(description, "text/html", Map.of("type", "string"));
    }

    private static Map<String, Object> content(String description, String type, Map<String, Object> schema) {
        var response = new LinkedHashMap<String, Object>();
        response.put("description", description);
        response.put("content", Map.of(type, Map.of("schema", schema)));
        return response;
    }

    private static Map<String, Object> description(String description) {
        return Map.of("description", description);
    }

    private static Map<String, Object> redirect(String description) {
        var response = new LinkedHashMap<String, Object>();
        response.put("description", description);
        response.put("headers", Map.of("Location", Map.of("schema", Map.of("type", "string"))));
        return response;
    }

    private static Map<String, Object> ref400() {
        return refTo("BadRequest");
    }

    private static Map<String, Object> refTo(String response) {
        return Map.of("$ref", RESPONSES + response);
    }

    private static String ref(String schema) {
        return SCHEMAS + schema;
    }

    // ------------------------------------------------------------------ components

    private Map<String, Object> components() {
        var components = new LinkedHashMap<String, Object>();
        components.put("schemas", schemas());
        components.put("responses", sharedResponses());
        components.put("securitySchemes", securitySchemes());
        return components;
    }

    private Map<String, Object> schemas() {
        var schemas = new LinkedHashMap<String, Object>();
        EndpointSpec user = catalogue.get(EndpointCatalogue.USER);
        schemas.put("User", object("The user as the user endpoint shows it (user.fields).", user.fields(), true, false));
        schemas.put("UserRequest", object("The user as PUT takes it: every writable field.", user.writableFields(),
                false, true));
        schemas.put("PatchedUserRequest", object("The user as PATCH takes it: any writable field.",
                user.writableFields(), false, false));
        for (EndpointSpec spec : catalogue.all()) {
            if (spec.writableFields().isEmpty() || spec.key().equals(EndpointCatalogue.USER)
                    || spec.key().equals(EndpointCatalogue.VERIFY_EMAIL_ALIAS)
                    || spec.key().equals(EndpointCatalogue.PASSWORD_RESET_LINK)) {
                continue;
            }
            schemas.put(requestSchemaName(spec, "POST"), object(spec.name() + ": the request.", spec.writableFields(),
                    false, true));
        }
        schemas.put("TokenPair", tokenPair(false));
        schemas.put("TokenPairWithExpiration", tokenPair(true));
        schemas.put("TokenRefresh", tokenRefresh());
        schemas.put("Key", properties("The key of a session, for Authorization: Token <key>.", List.of("key"),
                Map.of("key", string())));
        schemas.put("Detail", properties("A message.", List.of("detail"), Map.of("detail", string())));
        var coded = new LinkedHashMap<String, Object>();
        coded.put("detail", string());
        coded.put("code", string());
        schemas.put("CodedDetail", properties("A message and simplejwt's code.", List.of("detail", "code"), coded));
        schemas.put("TokenNotValid", tokenNotValid());
        var fieldErrors = new LinkedHashMap<String, Object>();
        fieldErrors.put("type", "object");
        fieldErrors.put("description", "The messages of each field that failed, in the order the fields were checked; "
                + "non_field_errors holds those of the request as a whole.");
        fieldErrors.put("additionalProperties", Map.of("type", "array", "items", string()));
        fieldErrors.put("examples", List.of(Map.of("email", List.of("This field is required.")),
                Map.of("non_field_errors", List.of("Unable to log in with provided credentials."))));
        schemas.put("FieldErrors", fieldErrors);
        schemas.put("Empty", Map.of("type", "object", "description", "An empty object.", "maxProperties", 0));
        schemas.put("Session", session());
        schemas.put("SocialAccount", socialAccount());
        var revoked = new LinkedHashMap<String, Object>();
        revoked.put("detail", string());
        revoked.put("revoked", Map.of("type", "integer", "description", "How many sessions ended."));
        schemas.put("SessionsRevoked", properties("The other sessions ended.", List.of("detail", "revoked"), revoked));
        schemas.put("EndpointMetadata", metadata());
        return schemas;
    }

    private Map<String, Object> tokenPair(boolean expiration) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("access", withDescription(string(), "The access JWT."));
        properties.put("refresh", withDescription(string(),
                "The refresh JWT; empty when an HttpOnly refresh cookie carries it."));
        properties.put("user", Map.of("$ref", ref("User")));
        var required = new ArrayList<>(List.of("access", "refresh", "user"));
        if (expiration) {
            properties.put("access_expiration", dateTime());
            properties.put("refresh_expiration", dateTime());
            required.addAll(List.of("access_expiration", "refresh_expiration"));
        }
        return properties(expiration ? "Login with jwt.return-expiration." : "Login and registration.", required,
                properties);
    }

    private static Map<String, Object> tokenRefresh() {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("access", string());
        properties.put("refresh", withDescription(string(), "The rotated refresh token; absent without rotation."));
        properties.put("access_expiration", dateTime());
        properties.put("refresh_expiration", dateTime());
        return properties("A refreshed pair.", List.of("access", "access_expiration"), properties);
    }

    private static Map<String, Object> tokenNotValid() {
        var message = new LinkedHashMap<String, Object>();
        message.put("token_class", string());
        message.put("token_type", string());
        message.put("message", string());
        var properties = new LinkedHashMap<String, Object>();
        properties.put("detail", string());
        properties.put("code", string());
        properties.put("messages", Map.of("type", "array", "items",
                properties("", List.of("token_class", "token_type", "message"), message)));
        return properties("An access token refused: simplejwt's answer.", List.of("detail", "code"), properties);
    }

    private static Map<String, Object> metadata() {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("name", string());
        properties.put("description", string());
        properties.put("renders", Map.of("type", "array", "items", string()));
        properties.put("parses", Map.of("type", "array", "items", string()));
        properties.put("actions", Map.of("type", "object", "additionalProperties", Map.of("type", "object")));
        return properties("DRF's SimpleMetadata.", List.of("name", "description", "renders", "parses"), properties);
    }

    private Map<String, Object> sharedResponses() {
        var responses = new LinkedHashMap<String, Object>();
        responses.put("BadRequest", json("Field errors, or a body that is not well-formed "
                + "({\"detail\": \"JSON parse error - ...\"}).", "FieldErrors"));
        var unauthorized = new LinkedHashMap<String, Object>();
        unauthorized.put("description", "No credentials, or an access token refused.");
        unauthorized.put("headers", Map.of("WWW-Authenticate", Map.of("schema", Map.of("type", "string"),
                "description", "Bearer realm=\"api\"")));
        unauthorized.put("content", Map.of("application/json", Map.of("schema", Map.of("oneOf", List.of(
                Map.of("$ref", ref("Detail")), Map.of("$ref", ref("CodedDetail")),
                Map.of("$ref", ref("TokenNotValid")))))));
        responses.put("Unauthorized", unauthorized);
        responses.put("NotFound", json("Not found.", "Detail"));
        var notAllowed = new LinkedHashMap<String, Object>();
        notAllowed.put("description", "Method \"GET\" not allowed.");
        notAllowed.put("headers", Map.of("Allow", Map.of("schema", Map.of("type", "string"))));
        notAllowed.put("content", Map.of("application/json", Map.of("schema", Map.of("$ref", ref("Detail")))));
        responses.put("MethodNotAllowed", notAllowed);
        responses.put("NotAcceptable", json("Could not satisfy the request Accept header.", "Detail"));
        responses.put("PayloadTooLarge", json("The body is larger than http.max-request-bytes.", "Detail"));
        responses.put("UnsupportedMediaType", json("A body that is neither JSON, form-encoded nor multipart.",
                "Detail"));
        var throttled = new LinkedHashMap<String, Object>();
        throttled.put("description", "A rate limit is reached (rate-limits.*): \"Request was throttled. Expected available"
                + " in N seconds.\"; retry after the given seconds.");
        throttled.put("headers", Map.of("Retry-After", Map.of("schema", Map.of("type", "integer"))));
        throttled.put("content", Map.of("application/json", Map.of("schema", Map.of("$ref", ref("Detail")))));
        responses.put("Throttled", throttled);
        var unavailable = new LinkedHashMap<String, Object>();
        unavailable.put("description", "Busy, or the database is out of reach: retry after the given seconds.");
        unavailable.put("headers", Map.of("Retry-After", Map.of("schema", Map.of("type", "integer"))));
        unavailable.put("content", Map.of("application/json", Map.of("schema", Map.of("$ref", ref("Detail")))));
        responses.put("Unavailable", unavailable);
        responses.put("Error", json("Any other failure, in the detail shape ({\"detail\": \"An error has occurred.\"} "
                + "for a server error).", "Detail"));
        return responses;
    }

    private Map<String, Object> securitySchemes() {
        var schemes = new LinkedHashMap<String, Object>();
        if (settings.opaqueKeys()) {
            var key = new LinkedHashMap<String, Object>();
            key.put("type", "apiKey");
            key.put("in", "header");
            key.put("name", "Authorization");
            key.put("description", "The key of a login, as Authorization: Token <key> (DRF's TokenAuthentication).");
            schemes.put(KEY, key);
            return schemes;
        }
        var bearer = new LinkedHashMap<String, Object>();
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("bearerFormat", "JWT");
        bearer.put("description", "The access token of a login, as Authorization: Bearer <token>.");
        schemes.put(BEARER, bearer);
        settings.cookies().accessName().ifPresent(name -> {
            var cookie = new LinkedHashMap<String, Object>();
            cookie.put("type", "apiKey");
            cookie.put("in", "cookie");
            cookie.put("name", name);
            cookie.put("description", "The access token cookie a login sets; read only without an Authorization header.");
            schemes.put(COOKIE, cookie);
        });
        return schemes;
    }

    // ------------------------------------------------------------------ schema pieces

    private static Map<String, Object> object(String description, List<FieldSpec> fields, boolean answer,
            boolean withRequired) {
        var properties = new LinkedHashMap<String, Object>();
        var required = new ArrayList<String>();
        for (FieldSpec field : fields) {
            properties.put(field.name(), field(field));
            if (answer || (withRequired && field.required())) {
                required.add(field.name());
            }
        }
        return properties(description, required, properties);
    }

    private static Map<String, Object> properties(String description, List<String> required,
            Map<String, Object> properties) {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "object");
        if (!description.isEmpty()) {
            schema.put("description", description);
        }
        if (!required.isEmpty()) {
            schema.put("required", List.copyOf(required));
        }
        schema.put("properties", properties);
        return schema;
    }

    private static Map<String, Object> field(FieldSpec field) {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", field.type().equals("integer") ? "integer" : "string");
        schema.put("title", field.label());
        if (field.type().equals("email")) {
            schema.put("format", "email");
        }
        if (field.secret()) {
            schema.put("format", "password");
            schema.put("writeOnly", true);
        }
        if (field.isChoice()) {
            schema.put("enum", field.choices().stream().map(c -> c.value()).toList());
            schema.put("description", "One of: " + field.choices().stream()
                    .map(c -> c.value() + " (" + c.displayName() + ")").collect(Collectors.joining(", ")) + ".");
        }
        field.helpText().ifPresent(help -> schema.put("description", help));
        if (field.maxLength().isPresent() && field.maxLength().getAsInt() == 0) {
            schema.put("description", "Must be left out or empty: accounts have no username.");
        } else {
            field.minLength().ifPresent(min -> schema.put("minLength", min));
        }
        field.maxLength().ifPresent(max -> schema.put("maxLength", max));
        field.pattern().ifPresent(pattern -> schema.put("pattern", pattern));
        if (field.readOnly()) {
            schema.put("readOnly", true);
        }
        return schema;
    }

    private static Map<String, Object> string() {
        return Map.of("type", "string");
    }

    private static Map<String, Object> dateTime() {
        return Map.of("type", "string", "format", "date-time");
    }

    private static Map<String, Object> withDescription(Map<String, Object> schema, String description) {
        var out = new LinkedHashMap<>(schema);
        out.put("description", description);
        return out;
    }

    private static String pascal(String key) {
        var out = new StringBuilder();
        for (String part : key.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
