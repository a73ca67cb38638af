package io.portcullis.domain.mail;

/** The messages Portcullis sends, each with the template base name that renders it. */
public enum MailKind {
    /** The first confirmation request, sent at registration. */
    EMAIL_CONFIRMATION_SIGNUP("email_confirmation_signup"),
    /** A confirmation request sent again on demand. */
    EMAIL_CONFIRMATION("email_confirmation"),
    /** The link to choose a new password. */
    PASSWORD_RESET("password_reset_key"),
    /** A notice that the password was changed or reset. */
    PASSWORD_CHANGED("password_changed"),
    /** A notice to the owner of an address that someone tried to register it again. */
    ACCOUNT_ALREADY_EXISTS("account_already_exists"),
    /** A notice to an address without an account that someone asked for a reset or confirmation link. */
    UNKNOWN_ACCOUNT("unknown_account");

    private final String templateName;

    MailKind(String templateName) {
        this.templateName = templateName;
    }

    /** The base name of the templates: {@code <name>_subject.txt}, {@code <name>_message.txt}, {@code <name>_message.html}. */
    public String templateName() {
        return templateName;
    }
}
