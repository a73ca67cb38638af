package io.portcullis.application.settings;

import io.portcullis.domain.password.PasswordPolicy;
import io.portcullis.domain.profile.ProfileSchema;
import java.util.List;
import java.util.Objects;

/**
 * The settings that shape registration, login and the user endpoint.
 *
 * @param userFields the fields the user endpoint shows, in order: {@code pk}, {@code username},
 *     {@code email} and profile field names (the Meta.fields of dj-rest-auth's user serializer)
 */
public record AccountSettings(
        LoginMethod loginMethod,
        boolean emailRequired,
        boolean usernameEnabled,
        boolean usernameRequired,
        boolean usernameEditable,
        int usernameMinLength,
        EmailVerification emailVerification,
        ProfileSchema profile,
        List<String> userFields,
        PasswordPolicy passwordPolicy,
        int passwordMaxLength,
        boolean oldPasswordRequired,
        boolean logoutOnPasswordChange) {

    public AccountSettings {
        Objects.requireNonNull(loginMethod, "loginMethod");
        Objects.requireNonNull(emailVerification, "emailVerification");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(passwordPolicy, "passwordPolicy");
        userFields = List.copyOf(userFields);
        if (loginMethod != LoginMethod.EMAIL && !usernameEnabled) {
            throw new IllegalArgumentException("login by username needs usernames to be enabled");
        }
        if (loginMethod == LoginMethod.EMAIL && !emailRequired) {
            throw new IllegalArgumentException("login by e-mail needs the e-mail address to be required");
        }
        if (usernameRequired && !usernameEnabled) {
            throw new IllegalArgumentException("a username cannot be required when usernames are disabled");
        }
        if (!emailRequired && !usernameRequired) {
            throw new IllegalArgumentException("accounts need a required e-mail address or a required username");
        }
        if (emailVerification == EmailVerification.MANDATORY && !emailRequired) {
            throw new IllegalArgumentException("mandatory e-mail verification needs the e-mail address to be required");
        }
        for (String field : userFields) {
            boolean known = field.equals("pk") || field.equals("email")
                    || (field.equals("username") && usernameEnabled)
                    || profile.field(field).isPresent();
            if (!known) {
                throw new IllegalArgumentException("user field '" + field + "' is neither built in nor a profile field");
            }
        }
        if (passwordMaxLength < 128) {
            throw new IllegalArgumentException("the maximum password length must be at least 128");
        }
    }

    /** The fields the user endpoint shows when none are configured: every field in a natural order. */
    public static List<String> defaultUserFields(boolean usernameEnabled, ProfileSchema profile) {
        var fields = new java.util.ArrayList<String>();
        fields.add("pk");
        if (usernameEnabled) {
            fields.add("username");
        }
        fields.add("email");
        profile.fields().forEach(f -> fields.add(f.name()));
        return List.copyOf(fields);
    }
}
