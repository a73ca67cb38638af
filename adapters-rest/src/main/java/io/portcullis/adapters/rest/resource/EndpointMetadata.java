package io.portcullis.adapters.rest.resource;

import io.portcullis.application.settings.AccountSettings;
import io.portcullis.domain.account.Username;
import io.portcullis.domain.profile.ProfileField;
import io.portcullis.domain.profile.ProfileFieldType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers to OPTIONS, in the shape of DRF's SimpleMetadata: name, description, the media
 * types written and read, and the fields each writing method takes, built from the settings.
 */
final class EndpointMetadata {

    private static final List<String> RENDERS = List.of("application/json");
    // The endpoints a browser reaches from a mail answer it with a page.
    private static final List<String> RENDERS_PAGES = List.of("application/json", "text/html");
    private static final List<String> PARSES =
            List.of("application/json", "application/x-www-form-urlencoded", "multipart/form-data");

    private final AccountSettings settings;

    EndpointMetadata(AccountSettings settings) {
        this.settings = settings;
    }

    Map<String, Object> login() {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("username", field("string", false, false, "Username"));
        fields.put("email", field("email", false, false, "Email"));
        fields.put("password", field("string", true, false, "Password"));
        return describe("Login", """
                Check the credentials and return the REST Token
                if the credentials are valid and authenticated.
                Calls Django Auth login method to register User ID
                in Django session framework

                Accept the following POST parameters: username, password
                Return the REST Framework Token Object's key.""", "POST", fields);
    }

    Map<String, Object> registration() {
        var fields = new LinkedHashMap<String, Object>();
        var username = field("string", settings.usernameEnabled() && settings.usernameRequired(), false, "Username");
        username.put("min_length", settings.usernameMinLength());
        // Without usernames allauth keeps the field with a maximum length of 0.
        username.put("max_length", settings.usernameEnabled() ? Username.MAX_LENGTH : 0);
        fields.put("username", username);
        fields.put("email", field("email", settings.emailRequired(), false, "Email"));
        fields.put("password1", field("string", true, false, "Password1"));
        fields.put("password2", field("string", true, false, "Password2"));
        settings.profile().fields().forEach(profile -> fields.put(profile.name(), writable(profile)));
        return describe("Register", "", "POST", fields);
    }

    Map<String, Object> user() {
        var fields = new LinkedHashMap<String, Object>();
        for (String name : settings.userFields()) {
            fields.put(name, switch (name) {
                case "pk" -> field("integer", false, true, "ID");
                case "email" -> field("email", false, true, "Email address");
                case "username" -> settings.usernameEditable() ? usernameField() : field("string", false, true, "Username");
                default -> settings.profile().field(name)
                        .map(profile -> profile.editable() ? writable(profile) : readOnly(profile))
                        .orElseThrow();
            });
        }
        return describe("User Details", """
                Reads and updates UserModel fields
                Accepts GET, PUT, PATCH methods.

                Default accepted fields: username, first_name, last_name
                Default display fields: pk, username, email, first_name, last_name
                Read-only fields: pk, email

                Returns UserModel fields.""", "PUT", fields);
    }

    Map<String, Object> passwordChange() {
        var fields = new LinkedHashMap<String, Object>();
        if (settings.oldPasswordRequired()) {
            fields.put("old_password", field("string", true, false, "Old password"));
        }
        fields.put("new_password1", field("string", true, false, "New password1"));
        fields.put("new_password2", field("string", true, false, "New password2"));
        return describe("Password Change", """
                Calls Django Auth SetPasswordForm save method.

                Accepts the following POST parameters: new_password1, new_password2
                Returns the success/fail message.""", "POST", fields);
    }

    Map<String, Object> logout() {
        return describe("Logout", """
                Calls Django logout method and delete the Token object
                assigned to the current User object.

                Accepts/Returns nothing.""", null, Map.of());
    }

    Map<String, Object> tokenVerify() {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("token", field("string", true, false, "Token"));
        return describe("Token Verify", """
                Takes a token and indicates if it is valid.  This view provides no
                information about a token's fitness for a particular use.""", "POST", fields);
    }

    Map<String, Object> tokenRefresh() {
        var fields = new LinkedHashMap<String, Object>();
        var refresh = field("string", false, false, "Refresh");
        refresh.put("help_text", "Will override cookie.");
        fields.put("refresh", refresh);
        fields.put("access", field("string", false, true, "Access"));
        return describe("Token Refresh", """
                Takes a refresh type JSON web token and returns an access type JSON web
                token if the refresh token is valid.""", "POST", fields);
    }

    Map<String, Object> verifyEmail() {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("key", field("string", true, false, "Key"));
        return withPages(describe("Verify Email", "", "POST", fields));
    }

    Map<String, Object> resendEmail() {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("email", field("email", true, false, "Email"));
        return describe("Resend Email Verification", "", "POST", fields);
    }

    /** allauth's ConfirmEmailView is no DRF view and describes nothing; this says what it is. */
    Map<String, Object> confirmationLink() {
        return withPages(describe("Confirm Email", "", null, Map.of()));
    }

    Map<String, Object> passwordReset() {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("email", field("email", true, false, "Email"));
        return describe("Password Reset", """
                Calls Django Auth PasswordResetForm save method.

                Accepts the following POST parameters: email
                Returns the success/fail message.""", "POST", fields);
    }

    Map<String, Object> passwordResetConfirm() {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("new_password1", field("string", true, false, "New password1"));
        fields.put("new_password2", field("string", true, false, "New password2"));
        fields.put("uid", field("string", true, false, "Uid"));
        fields.put("token", field("string", true, false, "Token"));
        return withPages(describe("Password Reset Confirm", """
                Password reset e-mail link is confirmed, therefore
                this resets the user's password.

                Accepts the following POST parameters: token, uid,
                    new_password1, new_password2
                Returns the success/fail message.""", "POST", fields));
    }

    private Map<String, Object> usernameField() {
        var username = field("string", settings.usernameRequired(), false, "Username");
        username.put("min_length", settings.usernameMinLength());
        username.put("max_length", Username.MAX_LENGTH);
        return username;
    }

    private static Map<String, Object> writable(ProfileField profile) {
        if (profile.type() == ProfileFieldType.CHOICE) {
            var choice = field("choice", profile.required(), false, profile.label());
            choice.put("choices", profile.choices().stream()
                    .map(c -> {
                        var entry = new LinkedHashMap<String, Object>();
                        entry.put("value", c.value());
                        entry.put("display_name", c.displayName());
                        return entry;
                    })
                    .toList());
            return choice;
        }
        var text = field("string", profile.required(), false, profile.label());
        text.put("max_length", profile.maxLength());
        return text;
    }

    /** DRF shows neither limits nor choices for a read-only field. */
    private static Map<String, Object> readOnly(ProfileField profile) {
        return field(profile.type() == ProfileFieldType.CHOICE ? "choice" : "string", false, true, profile.label());
    }

    private static Map<String, Object> field(String type, boolean required, boolean readOnly, String label) {
        var field = new LinkedHashMap<String, Object>();
        field.put("type", type);
        field.put("required", required);
        field.put("read_only", readOnly);
        field.put("label", label);
        return field;
    }

    private static Map<String, Object> withPages(Map<String, Object> description) {
        description.put("renders", RENDERS_PAGES);
        return description;
    }

    private static Map<String, Object> describe(String name, String description, String method, Map<String, Object> fields) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("description", description);
        body.put("renders", RENDERS);
        body.put("parses", PARSES);
        if (method != null) {
            body.put("actions", Map.of(method, fields));
        }
        return body;
    }
}
