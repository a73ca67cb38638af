package io.portcullis.adapters.rest.browsable;

import java.util.List;

/**
 * What a browsable page shows: the endpoint, the answer to the request that loaded the page, the
 * form, and the way to every other endpoint. Plain values only: the template escapes them all.
 *
 * @param key the endpoint's catalogue key, empty for an unknown path
 * @param requestLine the method and path of the request answered, as sent
 * @param statusLine {@code HTTP 405 Method Not Allowed}
 * @param headers the answer's headers worth showing, as {@code Name: value}
 * @param body the JSON answer, indented
 * @param formAction where the form sends its requests: the endpoint's own URL
 * @param methods the buttons of the form, one per writing method
 * @param canGet the endpoint serves GET, so the page offers to send it again
 */
public record Page(
        String key,
        String title,
        String description,
        String allow,
        String requestLine,
        int status,
        String statusLine,
        List<String> headers,
        String body,
        String formAction,
        List<String> methods,
        boolean canGet,
        List<Field> fields,
        boolean authenticated,
        List<Link> links,
        Site site) {

    /** One input of the form. */
    public record Field(
            String name,
            String label,
            String input,
            boolean required,
            boolean readOnly,
            String hint,
            List<Option> options) {}

    /** One choice of a select. */
    public record Option(String value, String label) {}

    /** A link of the endpoint list. */
    public record Link(String name, String href, boolean current, boolean authenticated) {}

    /**
     * What every page shares.
     *
     * @param csrfHeader the header unsafe requests authenticated by a cookie must carry; empty without CSRF check
     * @param csrfCookie the cookie whose value that header repeats (double-submit); empty otherwise
     */
    public record Site(String basePath, String loginPath, String userPath, String logoutPath, String openApiPath,
            boolean cookieMode, String script, String style, String csrfHeader, String csrfCookie,
            String authScheme) {}
}
