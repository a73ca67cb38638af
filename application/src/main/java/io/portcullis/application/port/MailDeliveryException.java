package io.portcullis.application.port;

/**
 * A message could not be delivered. The message names the cause, never the mail's content. Most
 * failures pass (an outage, a full queue, a greylisting server) and the message is tried again; a
 * permanent one (the server refused the recipient for good) would fail the same way every time.
 */
public final class MailDeliveryException extends RuntimeException {

    private final boolean permanent;

    public MailDeliveryException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public MailDeliveryException(String message) {
        this(message, null, false);
    }

    private MailDeliveryException(String message, Throwable cause, boolean permanent) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** A failure that trying again cannot cure, such as an SMTP 5xx reply to the recipient. */
    public static MailDeliveryException permanent(String message, Throwable cause) {
        return new MailDeliveryException(message, cause, true);
    }

    public boolean isPermanent() {
        return permanent;
    }
}
