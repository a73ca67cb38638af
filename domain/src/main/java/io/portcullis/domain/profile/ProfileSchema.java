package io.portcullis.domain.profile;

import io.portcullis.domain.validation.FieldInput;
import io.portcullis.domain.validation.ValidationErrors;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The profile fields a deployment declares, in the order forms and errors list them. */
public record ProfileSchema(List<ProfileField> fields) {

    public static final ProfileSchema NONE = new ProfileSchema(List.of());

    /** What a set of inputs is for: the rules on presence and editability differ. */
    public enum Purpose {
        REGISTRATION,
        FULL_UPDATE,
        PARTIAL_UPDATE
    }

    public ProfileSchema {
        fields = List.copyOf(fields);
        var names = new HashSet<String>();
        for (ProfileField field : fields) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("profile field '" + field.name() + "' is declared twice");
            }
        }
    }

    public Optional<ProfileField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * Reads the inputs a request gave for the profile. Fields the purpose may not change (read-only
     * ones on update) and names the schema does not know are ignored, as dj-rest-auth ignores them.
     */
    public Map<String, String> read(Map<String, FieldInput> inputs, Purpose purpose, ValidationErrors.Builder errors) {
        var values = new LinkedHashMap<String, String>();
        for (ProfileField field : fields) {
            if (purpose != Purpose.REGISTRATION && !field.editable()) {
                continue;
            }
            boolean mustBePresent = field.required() && purpose != Purpose.PARTIAL_UPDATE;
            FieldInput input = inputs.getOrDefault(field.name(), FieldInput.absent());
            field.read(input, mustBePresent, errors).ifPresent(value -> values.put(field.name(), value));
        }
        return values;
    }
}
