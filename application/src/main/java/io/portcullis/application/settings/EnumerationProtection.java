package io.portcullis.application.settings;

/**
 * Whether answers may reveal which addresses have accounts (allauth's ACCOUNT_PREVENT_ENUMERATION
 * and ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS).
 *
 * @param enabled registration with a taken address answers like a fresh registration and mails the
 *     owner instead, when verification is mandatory; with it off, the duplicate error comes back
 * @param mailUnknownAccounts a reset or confirmation request for an address without an account
 *     mails that address a notice, so both cases cost one mail in the outbox and the person who
 *     asked learns why no link arrives
 */
public record EnumerationProtection(boolean enabled, boolean mailUnknownAccounts) {

    /** The defaults, as allauth's. */
    public static final EnumerationProtection ON = new EnumerationProtection(true, true);
    /** dj-rest-auth's answers as the reference records them. */
    public static final EnumerationProtection OFF = new EnumerationProtection(false, false);
}
