package io.portcullis.adapters.mail;

import io.portcullis.adapters.mail.sender.SmtpSettings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How mail is rendered and delivered.
 *
 * @param backend where messages go (Django's EMAIL_BACKEND: smtp, console or file)
 * @param smtp the server, used by the SMTP backend
 * @param fileDirectory where the file backend writes one {@code .eml} file per message (EMAIL_FILE_PATH);
 *     required for that backend, created when missing
 * @param fromAddress the sender (DEFAULT_FROM_EMAIL), {@code webmaster@localhost} by default;
 *     {@code Name <address>} is accepted
 * @param subjectPrefix put before every subject (ACCOUNT_EMAIL_SUBJECT_PREFIX); when empty,
 *     {@code [<siteName>] }
 * @param templateDirectory a directory whose files replace the built-in templates of the same name
 * @param siteName the site's name, for the default subject prefix
 */
public record MailSettings(
        Backend backend,
        SmtpSettings smtp,
        Optional<Path> fileDirectory,
        String fromAddress,
        Optional<String> subjectPrefix,
        Optional<Path> templateDirectory,
        String siteName) {

    public static final String DEFAULT_FROM_ADDRESS = "webmaster@localhost";

    /** Where messages go. */
    public enum Backend {
        SMTP,
        CONSOLE,
        FILE;

        /** {@code smtp}, {@code console} or {@code file}; anything else fails with the accepted values. */
        public static Backend fromKey(String key) {
            for (Backend value : values()) {
                if (value.name().equalsIgnoreCase(key == null ? "" : key.strip())) {
                    return value;
                }
            }
            throw new IllegalArgumentException("unknown mail backend '" + key + "': use smtp, console or file");
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MailSettings {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(fileDirectory, "fileDirectory");
        Objects.requireNonNull(subjectPrefix, "subjectPrefix");
        Objects.requireNonNull(templateDirectory, "templateDirectory");
        Objects.requireNonNull(siteName, "siteName");
        if (fromAddress == null || fromAddress.isBlank()) {
            throw new IllegalArgumentException("the mail from address is missing");
        }
        if (backend == Backend.FILE && fileDirectory.isEmpty()) {
            throw new IllegalArgumentException("the file mail backend needs a directory");
        }
    }

    /** Console delivery from {@code webmaster@localhost} with the built-in templates. */
    public static MailSettings console(String siteName) {
        return new MailSettings(Backend.CONSOLE, SmtpSettings.defaults(), Optional.empty(), DEFAULT_FROM_ADDRESS,
                Optional.empty(), Optional.empty(), siteName);
    }

    /** The configured prefix, or {@code [<site name>] } as allauth does without ACCOUNT_EMAIL_SUBJECT_PREFIX. */
    public String effectiveSubjectPrefix() {
        return subjectPrefix.orElse("[" + siteName + "] ");
    }
}
