package io.portcullis.adapters.rest.html;

/** Escaping for text and attribute values of the built-in pages; every value from outside goes through it. */
public final class Html {

    private Html() {}

    /** Safe in element content and in double- or single-quoted attribute values. */
    public static String escape(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
