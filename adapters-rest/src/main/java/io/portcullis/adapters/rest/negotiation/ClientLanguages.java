package io.portcullis.adapters.rest.negotiation;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The languages a client asks for in {@code Accept-Language}, best first, for the mails a request
 * sends. Which of them a mail is written in is the application's choice.
 */
public final class ClientLanguages {

    // BCP 47 in the shape HTTP uses (RFC 4647 language ranges without the * wildcard).
    private static final Pattern TAG = Pattern.compile("^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$");

    private ClientLanguages() {}

    /**
     * {@code de-DE,de;q=0.9,en;q=0.8} gives {@code [de-DE, de, en]}: tags as sent, since the
     * application matches them against its own; none or garbage gives an empty list.
     */
    public static List<String> of(HttpHeaders headers) {
        return parse(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static List<String> parse(String header) {
        return QualityList.parse(header).stream()
                .filter(entry -> entry.quality() > 0)
                .map(QualityList.Entry::value)
                .filter(tag -> TAG.matcher(tag).matches())
                .distinct()
                .toList();
    }
}
