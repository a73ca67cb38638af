package io.portcullis.adapters.rest.describe;

import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.settings.AccountSettings;
import io.portcullis.domain.account.Username;
import io.portcullis.domain.profile.ProfileField;
import io.portcullis.domain.profile.ProfileFieldType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Every endpoint of the API under the configured settings, in dj-rest-auth's order. Names and
 * descriptions are dj-rest-auth's (its views' docstrings, as DRF shows them); the fields follow
 * the account settings, custom profile fields included.
 */
public final class EndpointCatalogue {

    public static final String LOGIN = "login";
    public static final String LOGOUT = "logout";
    public static final String USER = "user";
    public static final String PASSWORD_CHANGE = "password-change";
    public static final String TOKEN_VERIFY = "token-verify";
    public static final String TOKEN_REFRESH = "token-refresh";
    public static final String REGISTRATION = "registration";
    public static final String VERIFY_EMAIL = "verify-email";
    public static final String VERIFY_EMAIL_ALIAS = "verify-email-alias";
    public static final String RESEND_EMAIL = "resend-email";
    public static final String CONFIRMATION_LINK = "confirmation-link";
    public static final String PASSWORD_RESET = "password-reset";
    public static final String PASSWORD_RESET_CONFIRM = "password-reset-confirm";
    public static final String PASSWORD_RESET_LINK = "password-reset-link";
    public static final String SESSIONS = "sessions";
    public static final String SESSIONS_REVOKE_OTHERS = "sessions-revoke-others";
    public static final String SESSION = "session";
    public static final String SOCIAL_LOGIN = "social-login";
    public static final String SOCIAL_CONNECT = "social-connect";
    public static final String SOCIAL_ACCOUNTS = "social-accounts";
    public static final String SOCIAL_DISCONNECT = "social-disconnect";
    public static final String OPENAPI_JSON = "openapi-json";
    public static final String OPENAPI_YAML = "openapi-yaml";
    public static final String STATIC_FILES = "static";

    private static final Pattern SLASHES = Pattern.compile("/+$");
    private static final Pattern TEMPLATE = Pattern.compile("\\{[^}]+}");
    /** The path parameter of the social endpoints, which only the configured provider ids fill. */
    private static final String PROVIDER = "{provider}";

    private final String basePath;
    private final AccountSettings account;
    private final boolean opaqueKeys;
    private final List<String> providers;
    private final Map<String, EndpointSpec> byKey;
    private final List<EndpointSpec> ordered;
    private final Map<String, Pattern> patterns;

    public EndpointCatalogue(RestSettings settings) {
        this.basePath = settings.basePath();
        this.account = settings.account();
        this.opaqueKeys = settings.opaqueKeys();
        this.providers = settings.socialProviders();
        var endpoints = new LinkedHashMap<String, EndpointSpec>();
        for (EndpointSpec spec : build()) {
            endpoints.put(spec.key(), spec);
        }
        this.byKey = Map.copyOf(endpoints);
        this.ordered = List.copyOf(endpoints.values());
        refuseShadowingProviders();
        var compiled = new LinkedHashMap<String, Pattern>();
        for (EndpointSpec spec : ordered) {
            compiled.put(spec.key(), pattern(spec));
        }
        this.patterns = Map.copyOf(compiled);
    }

    /** The paths the endpoint answers, as Jersey matches them: a template is one segment, a provider one of the ids. */
    private Pattern pattern(EndpointSpec spec) {
        String path = basePath + "/" + spec.resourcePath();
        String providerIds = String.join("|", providers.stream().map(Pattern::quote).toList());
        var regex = new StringBuilder();
        var templates = TEMPLATE.matcher(path);
        int end = 0;
        while (templates.find()) {
            regex.append(Pattern.quote(path.substring(end, templates.start())))
                    .append(templates.group().equals(PROVIDER) ? "(?:" + providerIds + ")" : "[^/]+");
            end = templates.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(path.substring(end))).toString());
    }

    /**
     * A provider id names the first path segment of its endpoints: it may not be one that another
     * endpoint starts with ({@code login}, {@code password}, {@code socialaccounts}...), or that
     * endpoint and the provider's would share a path.
     */
    private void refuseShadowingProviders() {
        var taken = new java.util.TreeSet<String>();
        for (EndpointSpec spec : ordered) {
            if (!spec.path().startsWith(PROVIDER)) {
                taken.add(spec.path().split("/", 2)[0]);
            }
        }
        // Endpoints of other settings (token mode, published keys) and the well-known ones.
        taken.addAll(List.of("token", "logout", "sessions", "registration", "account-confirm-email", "password",
                "openapi.json", "openapi.yaml", "static", ".well-known", "health", "metrics", "socialaccounts"));
        for (String provider : providers) {
            if (taken.contains(provider)) {
                throw new IllegalArgumentException("social provider id '" + provider
                        + "' would shadow the endpoint " + basePath + "/" + provider + "/; choose another id");
            }
        }
    }

    /** The ids of the social providers, which fill {@code {provider}} in the social endpoints' paths. */
    public List<String> socialProviders() {
        return providers;
    }

    /** Every endpoint, in the order pages and documents list them. */
    public List<EndpointSpec> all() {
        return ordered;
    }

    public EndpointSpec get(String key) {
        EndpointSpec spec = byKey.get(key);
        if (spec == null) {
            throw new NoSuchElementException("no endpoint " + key);
        }
        return spec;
    }

    /**
     * The endpoint a request path reaches ({@code /auth/login/}, {@code /auth/login}), as Jersey
     * matches it: the trailing slash optional, a template segment any one segment.
     */
    public Optional<EndpointSpec> forPath(String rawPath) {
        String path = SLASHES.matcher(rawPath).replaceAll("");
        return ordered.stream().filter(spec -> patterns.get(spec.key()).matcher(path).matches()).findFirst();
    }

    /**
     * Where Jersey serves the endpoint: base path and path, without the trailing slash. The
     * provider parameter matches the configured provider ids only, so another path stays a 404.
     */
    public String resourcePath(EndpointSpec spec) {
        String path = basePath + "/" + spec.resourcePath();
        return path.replace(PROVIDER, "{provider: " + String.join("|", providers) + "}");
    }

    /** The URL path a client calls, trailing slash included: {@code /auth/login/}. */
    public String urlPath(EndpointSpec spec) {
        return basePath + "/" + spec.path();
    }

    public String basePath() {
        return basePath;
    }

    private List<EndpointSpec> build() {
        var all = new ArrayList<EndpointSpec>();
        all.add(login());
        all.add(logout());
        all.add(user());
        all.add(passwordChange());
        if (!opaqueKeys) {
            // dj-rest-auth mounts them only with USE_JWT.
            all.add(tokenVerify());
            all.add(tokenRefresh());
        }
        all.add(registration());
        all.add(verifyEmail(VERIFY_EMAIL, "registration/verify-email/"));
        // The alias dj-rest-auth's documentation mounts for the same view.
        all.add(verifyEmail(VERIFY_EMAIL_ALIAS, "account-confirm-email/"));
        all.add(resendEmail());
        all.add(confirmationLink());
        all.add(passwordReset());
        all.add(passwordResetConfirm());
        all.add(passwordResetLink());
        all.addAll(sessions());
        if (!providers.isEmpty()) {
            all.addAll(social());
        }
        all.add(new EndpointSpec(OPENAPI_JSON, "openapi.json", "OpenAPI Document",
                "This API described in OpenAPI 3.1, as JSON.", List.of("GET"), Optional.empty(), List.of(), false, false));
        all.add(new EndpointSpec(OPENAPI_YAML, "openapi.yaml", "OpenAPI Document (YAML)",
                "This API described in OpenAPI 3.1, as YAML.", List.of("GET"), Optional.empty(), List.of(), false, false));
        all.add(new EndpointSpec(STATIC_FILES, "static/{file}", "Static Files",
                "The script and style sheet of the browsable pages.", List.of("GET"), Optional.empty(), List.of(),
                false, false));
        return all;
    }

    private static EndpointSpec browsable(String key, String path, String name, String description, List<String> methods,
            String action, List<FieldSpec> fields, boolean authenticated) {
        return new EndpointSpec(key, path, name, description, methods, Optional.ofNullable(action), fields,
                authenticated, true);
    }

    private EndpointSpec login() {
        return browsable(LOGIN, "login/", "Login", """
                Check the credentials and return the REST Token
                if the credentials are valid and authenticated.
                Calls Django Auth login method to register User ID
                in Django session framework

                Accept the following POST parameters: username, password
                Return the REST Framework Token Object's key.""", List.of("POST"), "POST", List.of(
                FieldSpec.string("username", false, "Username"),
                FieldSpec.email("email", false, "Email"),
                FieldSpec.password("password", "Password")), false);
    }

    private EndpointSpec logout() {
        // dj-rest-auth's LogoutView has no serializer, so DRF lists no fields; it reads refresh.
        return browsable(LOGOUT, "logout/", "Logout", """
                Calls Django logout method and delete the Token object
                assigned to the current User object.

                Accepts/Returns nothing.""", List.of("POST"), null, opaqueKeys ? List.of() : List.of(
                FieldSpec.string("refresh", false, "Refresh")
                        .withHelp("The refresh token to blacklist; the refresh cookie when left out.")), false);
    }

    private EndpointSpec user() {
        var fields = new ArrayList<FieldSpec>();
        for (String name : account.userFields()) {
            fields.add(switch (name) {
                case "pk" -> FieldSpec.of("pk", "integer", false, "ID").asReadOnly();
                case "email" -> FieldSpec.email("email", false, "Email address").asReadOnly();
                case "username" -> account.usernameEditable()
                        ? username(account.usernameRequired(), Username.MAX_LENGTH)
                        : FieldSpec.string("username", false, "Username").asReadOnly();
                default -> account.profile().field(name)
                        .map(profile -> profile.editable() ? profile(profile) : profile(profile).asReadOnly())
                        .orElseThrow();
            });
        }
        return browsable(USER, "user/", "User Details", """
                Reads and updates UserModel fields
                Accepts GET, PUT, PATCH methods.

                Default accepted fields: username, first_name, last_name
                Default display fields: pk, username, email, first_name, last_name
                Read-only fields: pk, email

                Returns UserModel fields.""", List.of("GET", "PUT", "PATCH"), "PUT", fields, true);
    }

    private EndpointSpec passwordChange() {
        var fields = new ArrayList<FieldSpec>();
        if (account.oldPasswordRequired()) {
            fields.add(FieldSpec.password("old_password", "Old password"));
        }
        fields.add(FieldSpec.password("new_password1", "New password1"));
        fields.add(FieldSpec.password("new_password2", "New password2"));
        return browsable(PASSWORD_CHANGE, "password/change/", "Password Change", """
                Calls Django Auth SetPasswordForm save method.

                Accepts the following POST parameters: new_password1, new_password2
                Returns the success/fail message.""", List.of("POST"), "POST", fields, true);
    }

    /** Not in dj-rest-auth: the caller's own logins, to review and end. */
    private static List<EndpointSpec> sessions() {
        return List.of(
                browsable(SESSIONS, "sessions/", "Sessions", """
                        The caller's logins that still work, the most recently used first: when each
                        began and was last used (login or refresh), the browser and address it came
                        from, and whether it is the one making this request.""", List.of("GET"), null, List.of(),
                        true),
                browsable(SESSIONS_REVOKE_OTHERS, "sessions/revoke-others/", "Revoke Other Sessions", """
                        Ends every session of the caller but the one making this request:
                        their refresh and access tokens stop working at once.""", List.of("POST"), null, List.of(),
                        true),
                browsable(SESSION, "sessions/{id}/", "Session", """
                        DELETE ends one of the caller's sessions (this one too, if asked):
                        its refresh and access tokens stop working at once.""", List.of("DELETE"), null, List.of(),
                        true));
    }

    /** dj-rest-auth's social views, for every configured provider; the login fields are SocialLoginSerializer's. */
    private List<EndpointSpec> social() {
        var loginFields = new ArrayList<FieldSpec>();
        loginFields.add(FieldSpec.string("access_token", false, "Access token")
                .withHelp("A token the client obtained from the provider itself."));
        loginFields.add(FieldSpec.string("code", false, "Code")
                .withHelp("The authorization code the provider sent back to the redirect URI."));
        loginFields.add(FieldSpec.string("id_token", false, "Id token")
                .withHelp("An OpenID Connect ID token the client obtained itself."));
        loginFields.add(FieldSpec.string("callback_url", false, "Callback url")
                .withHelp("The redirect URI the code was issued for; redirect_uri is read too."));
        loginFields.add(FieldSpec.string("code_verifier", false, "Code verifier")
                .withHelp("The PKCE verifier of the authorization request, when it used PKCE."));
        loginFields.add(FieldSpec.string("nonce", false, "Nonce")
                .withHelp("The nonce of the authorization request, checked against the ID token."));
        var connectFields = List.copyOf(loginFields);
        loginFields.add(FieldSpec.email("email", false, "Email")
                .withHelp("For a new account only, when the provider shares no address; it is then not verified."));
        // Required for a new account only, so optional here; the use case says which are missing.
        account.profile().fields().forEach(profile -> loginFields.add(profile(profile).asOptional().withHelp(
                "For a new account only: its profile, as registration/ takes it" + (profile.required()
                        ? "; required then." : "."))));
        return List.of(
                browsable(SOCIAL_LOGIN, "{provider}/", "Social Login", """
                        Logs in with what a social provider gave the client: an authorization
                        code (with the redirect URI, PKCE verifier and nonce of the request), an
                        ID token or an access token. Answers like login/. An identity linked to no
                        account creates one, unless its address belongs to an account: then that
                        account's owner logs in and connects it.""", List.of("POST"), "POST", loginFields,
                        false),
                browsable(SOCIAL_CONNECT, "{provider}/connect/", "Social Connect", """
                        Links the provider identity to the logged-in user's account. Answers like
                        login/.""", List.of("POST"), "POST", connectFields, true),
                browsable(SOCIAL_ACCOUNTS, "socialaccounts/", "Social Account List", """
                        List SocialAccounts for the currently logged in user""", List.of("GET"), null, List.of(),
                        true),
                browsable(SOCIAL_DISCONNECT, "socialaccounts/{id}/disconnect/", "Social Account Disconnect", """
                        Disconnect SocialAccount from remote service for
                        the currently logged in user""", List.of("POST"), null, List.of(), true));
    }

    private EndpointSpec tokenVerify() {
        return browsable(TOKEN_VERIFY, "token/verify/", "Token Verify", """
                Takes a token and indicates if it is valid.  This view provides no
                information about a token's fitness for a particular use.""", List.of("POST"), "POST",
                List.of(FieldSpec.string("token", true, "Token")), false);
    }

    private EndpointSpec tokenRefresh() {
        return browsable(TOKEN_REFRESH, "token/refresh/", "Token Refresh", """
                Takes a refresh type JSON web token and returns an access type JSON web
                token if the refresh token is valid.""", List.of("POST"), "POST", List.of(
                FieldSpec.string("refresh", false, "Refresh").withHelp("Will override cookie."),
                FieldSpec.string("access", false, "Access").asReadOnly()), false);
    }

    private EndpointSpec registration() {
        var fields = new ArrayList<FieldSpec>();
        // Without usernames allauth keeps the field with a maximum length of 0.
        fields.add(username(account.usernameEnabled() && account.usernameRequired(),
                account.usernameEnabled() ? Username.MAX_LENGTH : 0));
        fields.add(FieldSpec.email("email", account.emailRequired(), "Email"));
        fields.add(FieldSpec.password("password1", "Password1"));
        fields.add(FieldSpec.password("password2", "Password2"));
        account.profile().fields().forEach(profile -> fields.add(profile(profile)));
        return browsable(REGISTRATION, "registration/", "Register", "", List.of("POST"), "POST", fields, false);
    }

    private EndpointSpec verifyEmail(String key, String path) {
        return browsable(key, path, "Verify Email", "", List.of("POST"), "POST",
                List.of(FieldSpec.string("key", true, "Key")), false);
    }

    private EndpointSpec resendEmail() {
        return browsable(RESEND_EMAIL, "registration/resend-email/", "Resend Email Verification", "", List.of("POST"),
                "POST", List.of(FieldSpec.email("email", true, "Email")), false);
    }

    /** allauth's ConfirmEmailView is no DRF view and describes nothing; this says what it is. */
    private EndpointSpec confirmationLink() {
        return browsable(CONFIRMATION_LINK, "registration/account-confirm-email/{key}/", "Confirm Email", "",
                List.of("GET", "HEAD"), null, List.of(), false);
    }

    private EndpointSpec passwordReset() {
        return browsable(PASSWORD_RESET, "password/reset/", "Password Reset", """
                Calls Django Auth PasswordResetForm save method.

                Accepts the following POST parameters: email
                Returns the success/fail message.""", List.of("POST"), "POST",
                List.of(FieldSpec.email("email", true, "Email")), false);
    }

    private static final String RESET_CONFIRM_DESCRIPTION = """
            Password reset e-mail link is confirmed, therefore
            this resets the user's password.

            Accepts the following POST parameters: token, uid,
                new_password1, new_password2
            Returns the success/fail message.""";

    private static List<FieldSpec> resetConfirmFields() {
        return List.of(
                FieldSpec.password("new_password1", "New password1"),
                FieldSpec.password("new_password2", "New password2"),
                FieldSpec.string("uid", true, "Uid"),
                FieldSpec.string("token", true, "Token"));
    }

    private EndpointSpec passwordResetConfirm() {
        return browsable(PASSWORD_RESET_CONFIRM, "password/reset/confirm/", "Password Reset Confirm",
                RESET_CONFIRM_DESCRIPTION, List.of("POST"), "POST", resetConfirmFields(), false);
    }

    private EndpointSpec passwordResetLink() {
        return browsable(PASSWORD_RESET_LINK, "password/reset/confirm/{uid}/{token}/", "Password Reset Confirm",
                RESET_CONFIRM_DESCRIPTION, List.of("GET", "POST"), "POST", resetConfirmFields(), false);
    }

    private FieldSpec username(boolean required, int maxLength) {
        return FieldSpec.string("username", required, "Username")
                .withLengths(OptionalInt.of(account.usernameMinLength()), OptionalInt.of(maxLength));
    }

    private static FieldSpec profile(ProfileField profile) {
        var field = profile.type() == ProfileFieldType.CHOICE
                ? FieldSpec.of(profile.name(), "choice", profile.required(), profile.label()).withChoices(profile.choices())
                : FieldSpec.string(profile.name(), profile.required(), profile.label());
        return field.withLengths(OptionalInt.empty(), OptionalInt.of(profile.maxLength()))
                .withPattern(profile.pattern().map(Pattern::pattern));
    }
}
