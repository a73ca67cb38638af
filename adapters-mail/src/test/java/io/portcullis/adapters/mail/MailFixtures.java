package io.portcullis.adapters.mail;

import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.mail.OutgoingMail;
import java.util.LinkedHashMap;
import java.util.Map;

/** Mails with the variables the application puts in them, as in the reference set-up. */
public final class MailFixtures {

    public static final String ACTIVATE_URL =
            "http://127.0.0.1:8001/dj-rest-auth/registration/account-confirm-email/MQ:1xXVeE:UMIGAwwh7x6tJ6yFWPRDLCecfpHupjv60WBQ5zeQ63g/";
    public static final String RESET_URL =
            "http://127.0.0.1:8001/dj-rest-auth/password/reset/confirm/1/discif-0b5d6e333b1672a9c37fc0589eea0cbf/";

    private MailFixtures() {}

    /** site_name, site_domain, email, username (empty), user_display, user_id, and the kind's own variables. */
    public static Map<String, String> variables(MailKind kind) {
        var variables = new LinkedHashMap<String, String>();
        variables.put("site_name", "example.com");
        variables.put("site_domain", "example.com");
        variables.put("email", "alice@example.com");
        variables.put("username", "");
        variables.put("user_display", "alice@example.com");
        variables.put("user_id", "1");
        switch (kind) {
            case EMAIL_CONFIRMATION, EMAIL_CONFIRMATION_SIGNUP -> {
                variables.put("key", "MQ:1xXVeE:UMIGAwwh7x6tJ6yFWPRDLCecfpHupjv60WBQ5zeQ63g");
                variables.put("activate_url", ACTIVATE_URL);
            }
            case PASSWORD_RESET -> {
                variables.put("uid", "1");
                variables.put("token", "discif-0b5d6e333b1672a9c37fc0589eea0cbf");
                variables.put("password_reset_url", RESET_URL);
            }
            default -> { }
        }
        return variables;
    }

    public static OutgoingMail mail(MailKind kind, String language) {
        return mail(kind, language, "alice@example.com", Map.of());
    }

    public static OutgoingMail mail(MailKind kind, String language, String to, Map<String, String> extra) {
        var variables = variables(kind);
        variables.putAll(extra);
        return new OutgoingMail(kind, new EmailAddress(to), language, variables);
    }
}
