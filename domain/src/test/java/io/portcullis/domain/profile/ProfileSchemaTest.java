package io.portcullis.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.domain.validation.FieldInput;
import io.portcullis.domain.validation.ValidationErrors;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProfileSchemaTest {

    static final ProfileField GENDER = new ProfileField("gender", "Gender", ProfileFieldType.CHOICE,
            List.of(new Choice("M", "Male"), new Choice("F", "Female"), new Choice("NS", "Not Specified")),
            255, Optional.empty(), true, true);
    static final ProfileField PHONE = new ProfileField("phone_number", "Phone number", ProfileFieldType.TEXT,
            List.of(), 30, Optional.empty(), true, false);
    static final ProfileSchema ARTICLE = new ProfileSchema(List.of(GENDER, PHONE));

    @Test
    void registrationReadsEveryFieldInOrder() {
        var errors = ValidationErrors.builder();
        var values = ARTICLE.read(Map.of("gender", FieldInput.of("F"), "phone_number", FieldInput.of("+1555")),
                ProfileSchema.Purpose.REGISTRATION, errors);
        assertThat(errors.hasErrors()).isFalse();
        assertThat(values).containsExactly(Map.entry("gender", "F"), Map.entry("phone_number", "+1555"));
    }

    @Test
    void registrationReportsTheReferenceMessages() {
        var errors = ValidationErrors.builder();
        ARTICLE.read(Map.of("gender", FieldInput.of(""), "phone_number", FieldInput.of("1".repeat(31))),
                ProfileSchema.Purpose.REGISTRATION, errors);
        assertThat(errors.build().byField()).containsExactly(
                Map.entry("gender", List.of("\"\" is not a valid choice.")),
                Map.entry("phone_number", List.of("Ensure this field has no more than 30 characters.")));
    }

    @Test
    void updatesIgnoreReadOnlyFieldsAndPatchRequiresNothing() {
        var errors = ValidationErrors.builder();
        var values = ARTICLE.read(Map.of("phone_number", FieldInput.of("+1999")),
                ProfileSchema.Purpose.PARTIAL_UPDATE, errors);
        assertThat(values).isEmpty();
        assertThat(errors.hasErrors()).isFalse();

        var putErrors = ValidationErrors.builder();
        ARTICLE.read(Map.of(), ProfileSchema.Purpose.FULL_UPDATE, putErrors);
        assertThat(putErrors.build().byField()).containsExactly(Map.entry("gender", List.of("This field is required.")));
    }

    @Test
    void patternsAreEnforced() {
        var code = new ProfileField("code", "Code", ProfileFieldType.TEXT, List.of(), 10,
                Optional.of(Pattern.compile("[A-Z]{3}")), true, true);
        var errors = ValidationErrors.builder();
        assertThat(code.read(FieldInput.of("abc"), true, errors)).isEmpty();
        assertThat(errors.build().messagesFor("code")).containsExactly("This value does not match the required pattern.");
    }

    @Test
    void refusesInconsistentDeclarations() {
        assertThatThrownBy(() -> new ProfileField("gender", "Gender", ProfileFieldType.CHOICE, List.of(), 10,
                Optional.empty(), true, true)).hasMessageContaining("needs at least one choice");
        assertThatThrownBy(() -> new ProfileField("Bad Name", "x", ProfileFieldType.TEXT, List.of(), 10,
                Optional.empty(), true, true)).hasMessageContaining("Bad Name");
        assertThatThrownBy(() -> new ProfileSchema(List.of(GENDER, GENDER))).hasMessageContaining("declared twice");
    }
}
