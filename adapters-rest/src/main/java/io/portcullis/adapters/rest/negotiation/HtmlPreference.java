package io.portcullis.adapters.rest.negotiation;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;

/**
 * Whether a request is better answered with a page than with JSON: browsers following a link or
 * submitting a form put {@code text/html} first, API clients ask for JSON or anything. The weight
 * of each type is that of the most specific range matching it (RFC 9110 §12.5.1); on equal
 * weights the type the client named more precisely wins, and JSON wins a full tie.
 */
public final class HtmlPreference {

    private static final String HTML = "text/html";
    private static final String JSON = "application/json";

    private HtmlPreference() {}

    public static boolean prefersHtml(HttpHeaders headers) {
        return prefersHtml(headers.getHeaderString(HttpHeaders.ACCEPT));
    }

    public static boolean prefersHtml(String accept) {
        List<QualityList.Entry> ranges = QualityList.parse(accept);
        Match html = match(ranges, HTML);
        Match json = match(ranges, JSON);
        if (html.quality() == 0) {
            return false;
        }
        return html.quality() > json.quality()
                || (html.quality() == json.quality() && html.specificity() > json.specificity());
    }

    /** Whether an Accept header admits a page at all; no header admits anything. */
    public static boolean acceptsHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        return match(QualityList.parse(accept), HTML).quality() > 0;
    }

    /** How well a type is accepted: weight and how precise the range was (2 exact, 1 type/*, 0 wildcard). */
    private record Match(double quality, int specificity) {}

    private static Match match(List<QualityList.Entry> ranges, String type) {
        String major = type.substring(0, type.indexOf('/'));
        Match best = new Match(0, -1);
        for (QualityList.Entry range : ranges) {
            String value = range.value().toLowerCase(Locale.ROOT);
            int specificity = value.equals(type) ? 2 : value.equals(major + "/*") ? 1 : value.equals("*/*") ? 0 : -1;
            if (specificity > best.specificity()) {
                best = new Match(range.quality(), specificity);
            }
        }
        return best;
    }
}
