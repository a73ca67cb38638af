package io.portcullis.application.settings;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What shapes the mails Portcullis sends and the links in them.
 *
 * @param siteName shown in subjects and texts (allauth's Site name)
 * @param siteDomain shown in texts (the Site domain)
 * @param confirmationLinkTemplate the address-confirmation link, with {@code {key}} where the key goes
 * @param resetLinkTemplate the password-reset link, with {@code {uid}} and {@code {token}}
 * @param confirmationLifetime how long a confirmation key works (ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS)
 * @param resetLifetime how long a reset token works (PASSWORD_RESET_TIMEOUT)
 * @param resendRevokesEarlierKeys whether a resend makes earlier confirmation keys useless
 * @param logoutOnPasswordReset whether a reset ends every session of the account
 * @param passwordChangedNotice whether a change or reset mails a notice to the account's address
 * @param languages the languages mails exist in; the first is the default
 * @param customVariables extra template variables by name (the article's CUSTOM_PASSWORD_RESET_CONFIRM)
 */
public record MailFlowSettings(
        String siteName,
        String siteDomain,
        String confirmationLinkTemplate,
        String resetLinkTemplate,
        Duration confirmationLifetime,
        Duration resetLifetime,
        boolean resendRevokesEarlierKeys,
        boolean logoutOnPasswordReset,
        boolean passwordChangedNotice,
        List<String> languages,
        Map<String, String> customVariables) {

    public MailFlowSettings {
        Objects.requireNonNull(siteName, "siteName");
        Objects.requireNonNull(siteDomain, "siteDomain");
        Objects.requireNonNull(confirmationLifetime, "confirmationLifetime");
        Objects.requireNonNull(resetLifetime, "resetLifetime");
        if (confirmationLinkTemplate == null || !confirmationLinkTemplate.contains("{key}")) {
            throw new IllegalArgumentException("the confirmation link template needs a {key} placeholder");
        }
        if (resetLinkTemplate == null || !resetLinkTemplate.contains("{uid}") || !resetLinkTemplate.contains("{token}")) {
            throw new IllegalArgumentException("the reset link template needs {uid} and {token} placeholders");
        }
        if (confirmationLifetime.isNegative() || confirmationLifetime.isZero()
                || resetLifetime.isNegative() || resetLifetime.isZero()) {
            throw new IllegalArgumentException("key lifetimes must be positive");
        }
        languages = List.copyOf(languages);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("at least one mail language is needed");
        }
        customVariables = Collections.unmodifiableMap(new LinkedHashMap<>(customVariables));
    }

    public String defaultLanguage() {
        return languages.getFirst();
    }

    /** The configured language closest to the client's wishes, or the default. */
    public String languageFor(List<String> preferred) {
        for (String wanted : preferred) {
            String primary = wanted.toLowerCase(java.util.Locale.ROOT).split("[-_]")[0];
            if (languages.contains(wanted)) {
                return wanted;
            }
            if (languages.contains(primary)) {
                return primary;
            }
        }
        return defaultLanguage();
    }

    public String confirmationLink(String key) {
        return confirmationLinkTemplate.replace("{key}", urlEncode(key));
    }

    public String resetLink(String uid, String token) {
        return resetLinkTemplate.replace("{uid}", urlEncode(uid)).replace("{token}", urlEncode(token));
    }

    private static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
