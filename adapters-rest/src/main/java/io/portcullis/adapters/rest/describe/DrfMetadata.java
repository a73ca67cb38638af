package io.portcullis.adapters.rest.describe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to OPTIONS in the shape of DRF's SimpleMetadata: name, description, the media types
 * written and read, and the fields of the one writing method DRF describes.
 */
public final class DrfMetadata {

    /** Every endpoint answers JSON, and a browser gets the browsable page. */
    public static final List<String> RENDERS = List.of("application/json", "text/html");
    public static final List<String> PARSES =
            List.of("application/json", "application/x-www-form-urlencoded", "multipart/form-data");

    private DrfMetadata() {}

    public static Map<String, Object> of(EndpointSpec spec) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", spec.name());
        body.put("description", spec.description());
        body.put("renders", RENDERS);
        body.put("parses", PARSES);
        spec.action().ifPresent(method -> {
            var fields = new LinkedHashMap<String, Object>();
            spec.fields().forEach(field -> fields.put(field.name(), field(field)));
            body.put("actions", Map.of(method, fields));
        });
        return body;
    }

    /** DRF shows neither limits nor choices for a read-only field, and no length for a choice. */
    private static Map<String, Object> field(FieldSpec field) {
        var out = new LinkedHashMap<String, Object>();
        out.put("type", field.type());
        out.put("required", field.required());
        out.put("read_only", field.readOnly());
        out.put("label", field.label());
        field.helpText().ifPresent(help -> out.put("help_text", help));
        if (field.readOnly()) {
            return out;
        }
        if (field.isChoice()) {
            out.put("choices", field.choices().stream()
                    .map(choice -> {
                        var entry = new LinkedHashMap<String, Object>();
                        entry.put("value", choice.value());
                        entry.put("display_name", choice.displayName());
                        return entry;
                    })
                    .toList());
            return out;
        }
        field.minLength().ifPresent(min -> out.put("min_length", min));
        field.maxLength().ifPresent(max -> out.put("max_length", max));
        return out;
    }
}
