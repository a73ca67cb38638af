package io.portcullis.adapters.rest.html;

import io.portcullis.domain.validation.ValidationErrors;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The built-in page behind the reset link of the mail: a plain form that posts the new password
 * with the link's uid and token back to the link's own URL, and the page that answers it.
 */
public final class PasswordResetPages {

    public static final String TITLE = "Set a New Password";
    public static final String DONE = "Your password has been reset.";
    public static final String LINK_INVALID =
            "This password reset link is invalid or has expired. Please request a new one.";

    private static final Map<String, String> LABELS = Map.of(
            "new_password1", "New password", "new_password2", "New password (again)");

    private PasswordResetPages() {}

    /** The form, with nothing wrong yet. */
    public static Response form(String action, String uid, String token) {
        return HtmlPage.answer(200, TITLE, formMarkup(action, uid, token));
    }

    /** The form again under what was wrong with the last submission. */
    public static Response refused(String action, String uid, String token, ValidationErrors errors) {
        return HtmlPage.answer(400, TITLE, errorList(errors) + formMarkup(action, uid, token));
    }

    public static Response done() {
        return HtmlPage.answer(200, TITLE, HtmlPage.paragraph(DONE));
    }

    private static String formMarkup(String action, String uid, String token) {
        return "<form method=\"post\" action=\"" + Html.escape(action) + "\">\n"
                + "<input type=\"hidden\" name=\"uid\" value=\"" + Html.escape(uid) + "\">\n"
                + "<input type=\"hidden\" name=\"token\" value=\"" + Html.escape(token) + "\">\n"
                + passwordField("new_password1") + passwordField("new_password2")
                + "<button type=\"submit\">Set password</button>\n</form>\n";
    }

    private static String passwordField(String name) {
        return "<label for=\"" + name + "\">" + LABELS.get(name) + "</label>\n"
                + "<input type=\"password\" id=\"" + name + "\" name=\"" + name
                + "\" autocomplete=\"new-password\" required>\n";
    }

    /** The use case's messages, escaped; the uid and token errors say that the link is bad. */
    private static String errorList(ValidationErrors errors) {
        var items = new StringBuilder();
        boolean linkReported = false;
        for (Map.Entry<String, List<String>> field : errors.byField().entrySet()) {
            if (field.getKey().equals("uid") || field.getKey().equals("token")) {
                if (!linkReported) {
                    items.append("<li>").append(Html.escape(LINK_INVALID)).append("</li>\n");
                    linkReported = true;
                }
                continue;
            }
            String label = LABELS.get(field.getKey());
            for (String message : field.getValue()) {
                items.append("<li>")
                        .append(Html.escape(label == null ? message : label + ": " + message))
                        .append("</li>\n");
            }
        }
        return "<ul class=\"errors\">\n" + items + "</ul>\n";
    }
}
