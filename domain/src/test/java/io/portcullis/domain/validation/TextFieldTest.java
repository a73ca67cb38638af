package io.portcullis.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextFieldTest {

    @Test
    void absentIsAnErrorOnlyWhenRequired() {
        assertThat(TextField.required().check(FieldInput.absent()))
                .isEqualTo(new TextField.Result.Invalid(List.of(Messages.REQUIRED)));
        assertThat(TextField.optional().check(FieldInput.absent())).isInstanceOf(TextField.Result.Missing.class);
    }

    @Test
    void nullBlankAndWrongShapesHaveTheirOwnMessages() {
        assertThat(TextField.optional().check(FieldInput.nullValue()))
                .isEqualTo(new TextField.Result.Invalid(List.of(Messages.NULL)));
        assertThat(TextField.required().check(FieldInput.of("   ")))
                .isEqualTo(new TextField.Result.Invalid(List.of(Messages.BLANK)));
        assertThat(TextField.required().check(new FieldInput.NotText("list")))
                .isEqualTo(new TextField.Result.Invalid(List.of(Messages.NOT_TEXT)));
        assertThat(TextField.required().allowingBlank().check(FieldInput.of("")))
                .isEqualTo(new TextField.Result.Value(""));
    }

    @Test
    void trimsAndLimitsLength() {
        assertThat(TextField.required().check(FieldInput.of("  hi  "))).isEqualTo(new TextField.Result.Value("hi"));
        assertThat(TextField.required().maxLength(2).check(FieldInput.of("abc")))
                .isEqualTo(new TextField.Result.Invalid(List.of("Ensure this field has no more than 2 characters.")));
    }

    @Test
    void readRecordsMessagesUnderTheField() {
        var errors = ValidationErrors.builder();
        assertThat(TextField.required().read("email", FieldInput.absent(), errors)).isEmpty();
        assertThat(errors.build().byField()).containsExactly(
                java.util.Map.entry("email", List.of(Messages.REQUIRED)));
    }
}
