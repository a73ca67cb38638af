package io.portcullis.adapters.rest.body;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code key=value} parameters after the first {@code ;} of a header, quoted or not. */
final class HeaderParameters {

    private HeaderParameters() {}

    static Map<String, String> parse(String header) {
        var params = new LinkedHashMap<String, String>();
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            i++;
            int equals = header.indexOf('=', i);
            int semicolon = header.indexOf(';', i);
            if (equals < 0 || (semicolon >= 0 && semicolon < equals)) {
                i = semicolon;
                continue;
            }
            String key = header.substring(i, equals).strip().toLowerCase(Locale.ROOT);
            int v = equals + 1;
            while (v < header.length() && header.charAt(v) == ' ') {
                v++;
            }
            var value = new StringBuilder();
            if (v < header.length() && header.charAt(v) == '"') {
                v++;
                while (v < header.length() && header.charAt(v) != '"') {
                    char c = header.charAt(v);
                    if (c == '\\' && v + 1 < header.length()) {
                        c = header.charAt(++v);
                    }
                    value.append(c);
                    v++;
                }
                i = header.indexOf(';', v);
            } else {
                int end = header.indexOf(';', v);
                value.append(header.substring(v, end < 0 ? header.length() : end).strip());
                i = end;
            }
            params.putIfAbsent(key, value.toString());
        }
        return params;
    }
}
