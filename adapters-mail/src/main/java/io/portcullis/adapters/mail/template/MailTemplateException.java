package io.portcullis.adapters.mail.template;

/** A mail template is missing, does not render, or lacks what its mail needs. The message names the file. */
public final class MailTemplateException extends RuntimeException {

    public MailTemplateException(String message) {
        super(message);
    }

    public MailTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
