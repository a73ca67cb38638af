package io.portcullis.adapters.rest.negotiation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A header that lists values with weights, as Accept and Accept-Language do (RFC 9110 §12.4.2):
 * {@code value;q=0.8, other}. A missing weight is 1; an element whose weight does not parse is
 * dropped rather than guessed at.
 */
final class QualityList {

    /** One element: its value as sent (parameters other than q removed) and its weight. */
    record Entry(String value, double quality) {}

    // Bounds the work a hostile header can cause; real browsers send well under ten elements.
    private static final int MAX_ELEMENTS = 64;
    private static final Pattern WEIGHT = Pattern.compile("^(0(\\.\\d{0,3})?|1(\\.0{0,3})?)$");

    private QualityList() {}

    /**
     * Every element, highest weight first, in header order among equals. Elements weighted 0 stay:
     * for Accept they refuse a type that a wider range would admit.
     */
    static List<Entry> parse(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        var entries = new ArrayList<Entry>();
        for (String element : header.split(",", MAX_ELEMENTS + 1)) {
            if (entries.size() == MAX_ELEMENTS) {
                break;
            }
            entry(element).ifPresent(entries::add);
        }
        entries.sort(Comparator.comparingDouble(Entry::quality).reversed());
        return List.copyOf(entries);
    }

    private static Optional<Entry> entry(String element) {
        String[] parts = element.split(";");
        String value = parts[0].strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        double quality = 1;
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (param.length == 2 && param[0].strip().equalsIgnoreCase("q")) {
                String weight = param[1].strip();
                if (!WEIGHT.matcher(weight).matches()) {
                    return Optional.empty();
                }
                quality = Double.parseDouble(weight);
            }
        }
        return Optional.of(new Entry(value, quality));
    }
}
