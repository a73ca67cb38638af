package io.portcullis.adapters.rest;

import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.mail.OutgoingMail;
import java.util.List;

/** What a test app queued for one address: the keys, uids and tokens a user would find in the mail. */
public final class Mailbox {

    private Mailbox() {}

    /** Every mail of a kind to the address (any letter case), oldest first. */
    public static List<OutgoingMail> mails(TestApp app, MailKind kind, String email) {
        String canonical = new EmailAddress(email).canonical();
        return app.outbox.mails().stream()
                .filter(mail -> mail.kind() == kind && mail.to().canonical().equals(canonical))
                .toList();
    }

    public static OutgoingMail last(TestApp app, MailKind kind, String email) {
        List<OutgoingMail> mails = mails(app, kind, email);
        if (mails.isEmpty()) {
            throw new AssertionError("no " + kind + " mail to " + email + " in " + app.outbox.mails());
        }
        return mails.getLast();
    }

    /** The key of the newest confirmation mail, sign-up or resent. */
    public static String confirmationKey(TestApp app, String email) {
        String canonical = new EmailAddress(email).canonical();
        return app.outbox.mails().stream()
                .filter(mail -> mail.to().canonical().equals(canonical))
                .filter(mail -> mail.kind() == MailKind.EMAIL_CONFIRMATION_SIGNUP || mail.kind() == MailKind.EMAIL_CONFIRMATION)
                .reduce((first, second) -> second)
                .map(mail -> mail.variables().get("key"))
                .orElseThrow(() -> new AssertionError("no confirmation mail to " + email));
    }
}
