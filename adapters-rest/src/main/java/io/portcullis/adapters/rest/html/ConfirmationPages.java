package io.portcullis.adapters.rest.html;

import jakarta.ws.rs.core.Response;

/** The pages of the address-confirmation link, with allauth's title and texts. */
public final class ConfirmationPages {

    public static final String TITLE = "Confirm E-mail Address";
    public static final String INVALID = "This e-mail confirmation link expired or is invalid.";
    static final String ASK_AGAIN = "Please issue a new e-mail confirmation request.";

    private ConfirmationPages() {}

    /** The link is unknown, expired, used, or for an address the account no longer has. */
    public static Response invalidLink(int status) {
        return HtmlPage.answer(status, TITLE, HtmlPage.paragraph(INVALID + " " + ASK_AGAIN));
    }

    /**
     * A button that confirms: for when following the link must not confirm by itself (mail
     * scanners follow links too).
     *
     * @param verifyPath the verify-email endpoint the form posts the key to
     */
    public static Response confirmButton(String verifyPath, String key) {
        String body = HtmlPage.paragraph("Please confirm that this e-mail address belongs to your account.")
                + "<form method=\"post\" action=\"" + Html.escape(verifyPath) + "\">\n"
                + "<input type=\"hidden\" name=\"key\" value=\"" + Html.escape(key) + "\">\n"
                + "<button type=\"submit\">Confirm</button>\n</form>\n";
        return HtmlPage.answer(200, TITLE, body);
    }
}
