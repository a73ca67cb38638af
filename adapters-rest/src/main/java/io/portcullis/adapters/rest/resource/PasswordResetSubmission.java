package io.portcullis.adapters.rest.resource;

import io.portcullis.domain.session.ClientDetails;
import io.portcullis.adapters.rest.body.RequestFields;
import io.portcullis.adapters.rest.html.PasswordResetPages;
import io.portcullis.adapters.rest.negotiation.ClientLanguages;
import io.portcullis.adapters.rest.negotiation.HtmlPreference;
import io.portcullis.adapters.rest.response.ErrorBodies;
import io.portcullis.application.password.ConfirmPasswordReset;
import io.portcullis.domain.validation.FieldInput;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * A new password with the uid and token of a reset link, from either confirm endpoint. API
 * clients get dj-rest-auth's JSON; a browser that submitted the built-in form gets a page.
 */
final class PasswordResetSubmission {

    static final String RESET = "Password has been reset with the new password.";

    private final ConfirmPasswordReset confirm;

    PasswordResetSubmission(ConfirmPasswordReset confirm) {
        this.confirm = confirm;
    }

    /**
     * @param uid the uid as the body has it, or as the link's path has it when the body lacks it
     * @param token likewise
     * @param formAction where a page's form posts to: the URL this request went to
     * @param client who submits, for the audit trail
     */
    Response submit(RequestFields fields, FieldInput uid, FieldInput token, HttpHeaders headers, String formAction,
            ClientDetails client) {
        var command = new ConfirmPasswordReset.Command(fields.get("new_password1"), fields.get("new_password2"),
                uid, token, ClientLanguages.of(headers), client);
        ConfirmPasswordReset.Outcome outcome = confirm.confirm(command);
        if (HtmlPreference.prefersHtml(headers)) {
            return switch (outcome) {
                case ConfirmPasswordReset.Outcome.Reset reset -> PasswordResetPages.done();
                case ConfirmPasswordReset.Outcome.Rejected rejected ->
                        PasswordResetPages.refused(formAction, text(uid), text(token), rejected.errors());
            };
        }
        return switch (outcome) {
            case ConfirmPasswordReset.Outcome.Reset reset -> Answers.detail(200, RESET);
            case ConfirmPasswordReset.Outcome.Rejected rejected -> ErrorBodies.invalid(rejected.errors());
        };
    }

    private static String text(FieldInput input) {
        return input instanceof FieldInput.Text text ? text.value() : "";
    }
}
