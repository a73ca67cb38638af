package io.portcullis.adapters.mail.sender;

import io.portcullis.adapters.mail.sender.RenderedMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import java.net.IDN;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HexFormat;
import java.util.Properties;
import java.util.regex.Pattern;

/** Builds the MIME message every sender writes: UTF-8, Date, Message-ID, text or multipart/alternative. */
final class MimeMessages {

    private static final String UTF_8 = "UTF-8";
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
    private static final DateTimeFormatter MESSAGE_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** RFC 5322 limits a line to 998 characters; 8bit text must stay under it. */
    private static final int MAX_LINE = 998;

    private MimeMessages() {}

    /** A session for writing messages without a server. */
    static Session offlineSession() {
        return Session.getInstance(new Properties());
    }

    /** Parses the configured sender, {@code address} or {@code Name <address>}. */
    static InternetAddress parseFrom(String from) {
        try {
            var address = new InternetAddress(from, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("the mail from address is not a valid address: " + e.getMessage(), e);
        }
    }

    /**
     * The message for one recipient.
     *
     * @param eightBit write UTF-8 text as it is (for the console and files, where people read it)
     *     rather than letting Jakarta Mail choose quoted-printable or base64
     */
    static MimeMessage compose(Session session, InternetAddress from, RenderedMail mail, Instant now, boolean eightBit)
            throws MessagingException {
        var message = new IdentifiedMimeMessage(session, messageId(from, now));
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, recipient(mail.to().value()));
        message.setSubject(mail.subject(), UTF_8);
        message.setSentDate(Date.from(now));
        if (mail.html().isEmpty()) {
            message.setText(mail.text(), UTF_8);
            eightBit(message, mail.text(), eightBit);
        } else {
            var text = new MimeBodyPart();
            text.setText(mail.text(), UTF_8);
            eightBit(text, mail.text(), eightBit);
            var html = new MimeBodyPart();
            html.setText(mail.html().get(), UTF_8, "html");
            eightBit(html, mail.html().get(), eightBit);
            var alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
        }
        message.saveChanges();
        return message;
    }

    private static void eightBit(MimePart part, String content, boolean wanted) throws MessagingException {
        if (wanted && content.lines().allMatch(line -> line.length() <= MAX_LINE)) {
            part.setHeader("Content-Transfer-Encoding", content.chars().allMatch(c -> c < 128) ? "7bit" : "8bit");
        }
    }

    /** The address with its domain in ASCII (IDNA), as SMTP servers without SMTPUTF8 expect it. */
    private static InternetAddress recipient(String address) throws AddressException {
        int at = address.lastIndexOf('@');
        String domain = address.substring(at + 1);
        if (!domain.startsWith("[")) {
            try {
                domain = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                throw new AddressException("the recipient's domain cannot be written in ASCII");
            }
        }
        return new InternetAddress(address.substring(0, at + 1) + domain, true);
    }

    /** {@code <utc time>.<64 random bits>@<sender's domain>}, like Django's make_msgid. */
    private static String messageId(InternetAddress from, Instant now) {
        String address = from.getAddress();
        String domain = address.substring(address.lastIndexOf('@') + 1);
        if (!DOMAIN.matcher(domain).matches()) {
            domain = "localhost";
        }
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return "<" + MESSAGE_ID_TIME.format(now) + "." + HexFormat.of().formatHex(random) + "@" + domain + ">";
    }

    /** Keeps the Message-ID chosen here instead of one built from the local host name. */
    private static final class IdentifiedMimeMessage extends MimeMessage {

        private final String messageId;

        IdentifiedMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
