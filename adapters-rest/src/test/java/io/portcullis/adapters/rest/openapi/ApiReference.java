package io.portcullis.adapters.rest.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes an OpenAPI document (as nested maps) as the Markdown page docs/api.md. */
final class ApiReference {

    private final Map<String, Object> document;
    private final StringBuilder out = new StringBuilder();

    private ApiReference(Map<String, Object> document) {
        this.document = document;
    }

    static String markdown(Map<String, Object> document) {
        return new ApiReference(document).write();
    }

    private String write() {
        line("# API reference");
        line("");
        line("<!-- Generated from the OpenAPI document by ApiReferenceTest (adapters-rest): do not edit by hand."
                + " Rewrite with ./mvnw -pl adapters-rest test -Dtest=ApiReferenceTest"
                + " -Dportcullis.write-api-reference=true -->");
        line("");
        line("Every endpoint with its request fields and answers, written from the OpenAPI 3.1 document the service"
                + " serves at `{base}/openapi.json` (and `openapi.yaml`). This page shows the article's set-up:"
                + " base path `/auth`, the profile fields `gender` (a choice) and `phone_number` (read-only after"
                + " registration), mandatory e-mail verification and the token cookies `my-app-auth` and"
                + " `my-refresh-token`. A running service describes its own settings: fetch its document for"
                + " the fields and answers it really has.");
        line("");
        line(text(map(document.get("info")).get("description")));
        line("");
        line("## Authentication");
        line("");
        Map<String, Object> components = map(document.get("components"));
        map(components.get("securitySchemes")).forEach((name, value) -> {
            Map<String, Object> scheme = map(value);
            line("- `" + name + "`: " + text(scheme.get("description")));
        });
        line("");
        line("Operations marked **needs a login** take either.");
        line("");
        line("## Endpoints");
        line("");
        Map<String, Object> paths = map(document.get("paths"));
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            Map<String, Object> item = map(path.getValue());
            for (Map.Entry<String, Object> entry : item.entrySet()) {
                if (entry.getKey().equals("parameters")) {
                    continue;
                }
                operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), item, map(entry.getValue()));
            }
        }
        line("## Schemas");
        line("");
        map(components.get("schemas")).forEach((name, value) -> schema(name, map(value)));
        line("## Shared answers");
        line("");
        line("| name | meaning | body |");
        line("|---|---|---|");
        map(components.get("responses")).forEach((name, value) -> {
            Map<String, Object> response = map(value);
            line("| " + name + " | " + cell(text(response.get("description"))) + " | " + bodyOf(response) + " |");
        });
        return out.toString();
    }

    private void operation(String method, String path, Map<String, Object> item, Map<String, Object> operation) {
        line("### `" + method + " " + path + "`");
        line("");
        line("**" + text(operation.get("summary")) + "**" + (operation.containsKey("security") ? " — needs a login" : ""));
        line("");
        String description = text(operation.get("description"));
        if (!description.isEmpty()) {
            for (String paragraph : description.split("\n")) {
                line(paragraph.isBlank() ? ">" : "> " + paragraph.strip());
            }
            line("");
        }
        List<Object> parameters = list(item.get("parameters"));
        if (!parameters.isEmpty()) {
            var names = new ArrayList<String>();
            parameters.forEach(p -> names.add("`" + text(map(p).get("name")) + "` (" + text(map(p).get("description"))
                    + ")"));
            line("Path: " + String.join(", ", names));
            line("");
        }
        if (operation.containsKey("requestBody")) {
            Map<String, Object> content = map(map(operation.get("requestBody")).get("content"));
            String ref = text(map(map(content.get("application/json")).get("schema")).get("$ref"));
            line("Request body ([" + name(ref) + "](#" + anchor(name(ref)) + ")), as JSON, form-encoded or multipart:");
            line("");
            fields(map(map(document.get("components")).get("schemas")).get(name(ref)));
        }
        line("| status | meaning | body |");
        line("|---|---|---|");
        map(operation.get("responses")).forEach((status, value) -> {
            Map<String, Object> response = map(value);
            if (response.containsKey("$ref")) {
                String shared = name(text(response.get("$ref")));
                line("| " + status + " | see [" + shared + "](#shared-answers) | |");
            } else {
                line("| " + status + " | " + cell(text(response.get("description"))) + " | " + bodyOf(response) + " |");
            }
        });
        line("");
    }

    private void fields(Object schemaValue) {
        Map<String, Object> schema = map(schemaValue);
        List<Object> required = list(schema.get("required"));
        line("| field | type | required | notes |");
        line("|---|---|---|---|");
        map(schema.get("properties")).forEach((field, value) -> {
            Map<String, Object> property = map(value);
            line("| `" + field + "` | " + type(property) + " | " + (required.contains(field) ? "yes" : "no") + " | "
                    + cell(notes(property)) + " |");
        });
        line("");
    }

    private void schema(String name, Map<String, Object> schema) {
        line("### " + name);
        line("");
        String description = text(schema.get("description"));
        if (!description.isEmpty()) {
            line(description);
            line("");
        }
        if (schema.containsKey("properties") && !map(schema.get("properties")).isEmpty()) {
            fields(schema);
        } else if (schema.containsKey("additionalProperties")) {
            line("An object: each key holds a list of messages.");
            line("");
        }
    }

    private static String type(Map<String, Object> property) {
        if (property.containsKey("$ref")) {
            String name = name(text(property.get("$ref")));
            return "[" + name + "](#" + anchor(name) + ")";
        }
        String type = text(property.get("type"));
        if (type.equals("array")) {
            return "list of " + type(map(property.get("items")));
        }
        return property.containsKey("format") ? type + " (" + text(property.get("format")) + ")" : type;
    }

    private static String notes(Map<String, Object> property) {
        var notes = new ArrayList<String>();
        if (property.containsKey("title")) {
            notes.add("“" + text(property.get("title")) + "”.");
        }
        if (property.containsKey("description")) {
            notes.add(text(property.get("description")));
        }
        if (property.containsKey("minLength")) {
            notes.add("At least " + property.get("minLength") + " characters.");
        }
        if (property.containsKey("maxLength")) {
            notes.add("At most " + property.get("maxLength") + " characters.");
        }
        if (property.containsKey("pattern")) {
            notes.add("Matches `" + property.get("pattern") + "`.");
        }
        if (Boolean.TRUE.equals(property.get("readOnly"))) {
            notes.add("Read-only.");
        }
        if (Boolean.TRUE.equals(property.get("writeOnly"))) {
            notes.add("Never shown in answers.");
        }
        return String.join(" ", notes);
    }

    private static String bodyOf(Map<String, Object> response) {
        if (!response.containsKey("content")) {
            return response.containsKey("headers") ? "headers: " + String.join(", ", map(response.get("headers")).keySet())
                    : "";
        }
        var bodies = new ArrayList<String>();
        map(response.get("content")).forEach((type, value) -> {
            Map<String, Object> schema = map(map(value).get("schema"));
            if (schema.containsKey("$ref")) {
                String name = name(text(schema.get("$ref")));
                bodies.add(type + " [" + name + "](#" + anchor(name) + ")");
            } else if (schema.containsKey("oneOf")) {
                var names = new ArrayList<String>();
                list(schema.get("oneOf")).forEach(one -> {
                    String name = name(text(map(one).get("$ref")));
                    names.add("[" + name + "](#" + anchor(name) + ")");
                });
                bodies.add(type + " " + String.join(" or ", names));
            } else {
                bodies.add(type);
            }
        });
        return String.join(", ", bodies);
    }

    private static String name(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static String anchor(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
