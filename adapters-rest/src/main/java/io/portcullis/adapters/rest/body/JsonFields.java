package io.portcullis.adapters.rest.body;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.domain.validation.FieldInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a JSON body into fields: strings stay text, numbers become the text of their literal
 * (DRF turns them into strings too), null stays null, anything else is kept as "not text" with
 * the form Python would print it in.
 */
final class JsonFields {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    // Jackson appends where a still open object or array began; the position we report says enough.
    private static final Pattern START_MARKER = Pattern.compile("\\s*\\(start marker at .*\\)\\s*$", Pattern.DOTALL);

    private JsonFields() {}

    static RequestFields parse(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw malformed("Expecting value", parser.currentLocation());
            }
            if (first == JsonToken.START_OBJECT) {
                Map<String, FieldInput> fields = readObject(parser);
                expectEnd(parser);
                return new RequestFields(fields);
            }
            String type = pythonType(first);
            parser.skipChildren();
            expectEnd(parser);
            if (first == JsonToken.VALUE_NULL) {
                // DRF validates a null body as a null serializer: the message of a null field.
                throw RequestBodyRejected.notAnObject("This field may not be null.");
            }
            throw RequestBodyRejected.notAnObject("Invalid data. Expected a dictionary, but got " + type + ".");
        } catch (StreamReadException e) {
            throw malformed(START_MARKER.matcher(e.getOriginalMessage()).replaceFirst(""), e.getLocation());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, FieldInput> readObject(JsonParser parser) throws IOException {
        var fields = new LinkedHashMap<String, FieldInput>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            // A repeated name keeps its first position and its last value, like a Python dict.
            fields.put(name, switch (value) {
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new FieldInput.Text(parser.getText());
                case VALUE_NULL -> FieldInput.nullValue();
                case VALUE_TRUE -> new FieldInput.NotText("True");
                case VALUE_FALSE -> new FieldInput.NotText("False");
                default -> new FieldInput.NotText(PythonRepr.of(MAPPER.readTree(parser)));
            });
        }
        return fields;
    }

    private static void expectEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw malformed("Extra data", parser.currentTokenLocation());
        }
    }

    private static String pythonType(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "list";
            case VALUE_STRING -> "str";
            case VALUE_NUMBER_INT -> "int";
            case VALUE_NUMBER_FLOAT -> "float";
            case VALUE_TRUE, VALUE_FALSE -> "bool";
            default -> "NoneType";
        };
    }

    private static RequestBodyRejected malformed(String what, JsonLocation where) {
        return RequestBodyRejected.malformed("JSON parse error - " + what + ": line " + where.getLineNr()
                + " column " + where.getColumnNr() + " (char " + where.getCharOffset() + ")");
    }
}
