package io.portcullis.adapters.rest.html;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * A small self-contained page: no script, no external resource, a few inline styles. The
 * Content-Security-Policy says as much, so an injection that slipped past escaping could still
 * neither run nor load anything. Pages carry one-time keys, hence no caching.
 */
public final class HtmlPage {

    static final String CONTENT_TYPE = "text/html; charset=utf-8";
    // No form-action: Chrome applies it to the redirect after a submission, and the confirmation
    // form may redirect to a front end on another origin.
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;"
            + "padding:0 1rem;line-height:1.5}label{display:block;margin-top:1rem}"
            + "input[type=password]{width:100%;padding:.4rem;box-sizing:border-box}"
            + "button{margin-top:1rem;padding:.5rem 1rem}.errors{color:#a00}";

    private HtmlPage() {}

    /**
     * The page answer.
     *
     * @param title plain text, escaped here
     * @param body markup: whoever builds it escapes what came from outside
     */
    public static Response answer(int status, String title, String body) {
        String document = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<title>" + Html.escape(title) + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n"
                + "<h1>" + Html.escape(title) + "</h1>\n" + body + "</body>\n</html>\n";
        return Response.status(status)
                .entity(document)
                .header(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                .header("Content-Security-Policy", POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** A paragraph of plain text. */
    public static String paragraph(String text) {
        return "<p>" + Html.escape(text) + "</p>\n";
    }
}
