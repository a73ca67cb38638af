package io.portcullis.adapters.rest.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON value the way Python's {@code str()} shows the parsed value. DRF puts that text
 * into messages such as {@code "['a']" is not a valid choice.}, so non-text inputs keep it.
 */
final class PythonRepr {

    private PythonRepr() {}

    static String of(JsonNode node) {
        var out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case STRING -> quote(node.textValue(), out);
            case BOOLEAN -> out.append(node.booleanValue() ? "True" : "False");
            case NULL, MISSING -> out.append("None");
            case NUMBER -> out.append(node.asText());
            case ARRAY -> {
                out.append('[');
                Iterator<JsonNode> items = node.elements();
                while (items.hasNext()) {
                    write(items.next(), out);
                    if (items.hasNext()) {
                        out.append(", ");
                    }
                }
                out.append(']');
            }
            case OBJECT -> {
                out.append('{');
                Iterator<Map.Entry<String, JsonNode>> entries = node.properties().iterator();
                while (entries.hasNext()) {
                    Map.Entry<String, JsonNode> entry = entries.next();
                    quote(entry.getKey(), out);
                    out.append(": ");
                    write(entry.getValue(), out);
                    if (entries.hasNext()) {
                        out.append(", ");
                    }
                }
                out.append('}');
            }
            default -> out.append(node.asText());
        }
    }

    /** Python's repr of a str: single quotes unless the text holds one and no double quote. */
    private static void quote(String text, StringBuilder out) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        text.codePoints().forEach(c -> {
            if (c == quote || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        out.append(quote);
    }
}
