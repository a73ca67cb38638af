package io.portcullis.application.port;

/** A message could not be delivered now. The message names the cause, never the mail's content. */
public final class MailDeliveryException extends RuntimeException {

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }

    public MailDeliveryException(String message) {
        super(message);
    }
}
