package io.portcullis.adapters.social.http;

import io.portcullis.application.port.IdentityRejectedException;
import io.portcullis.application.port.ProviderUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The calls to one provider. Each is bounded by the provider's timeout, headers and body alike, and
 * every way it can fail to get an answer becomes a {@link ProviderUnavailableException} that says
 * which call failed and how, never with a request's parameters (they hold codes and tokens).
 */
public final class ProviderHttp {

    private static final String USER_AGENT = "Portcullis";
    /** Longer tokens than this are not tokens any provider issues; a cap keeps parsing cheap. */
    public static final int MAX_TOKEN_LENGTH = 16_384;
    /** Far above any token response, discovery document, key set or user a provider sends. */
    public static final int MAX_ANSWER_BYTES = 1024 * 1024;
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");

    private final String provider;
    private final Duration timeout;
    private final HttpClient client;

    public ProviderHttp(String provider, Duration timeout) {
        this.provider = provider;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public String provider() {
        return provider;
    }

    /** A request to {@code uri} with the timeout and the headers every call carries. */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", USER_AGENT);
    }

    /**
     * Sends the request and reads the whole answer.
     *
     * @param call what the call is for, as the failure messages name it, such as {@code token endpoint}
     */
    public ProviderAnswer send(HttpRequest request, String call) {
        CompletableFuture<HttpResponse<byte[]>> pending =
                client.sendAsync(request, CappedBody.handler(MAX_ANSWER_BYTES));
        try {
            // The request timeout ends with the headers; this one also covers a body that trickles.
            HttpResponse<byte[]> response = pending.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            return new ProviderAnswer(provider, call, response.statusCode(), contentType,
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw unavailable(call, "no complete answer within " + seconds(), e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw unavailable(call, "interrupted while waiting for the answer", e);
        } catch (ExecutionException e) {
            throw unavailable(call, describe(e.getCause()), e.getCause());
        }
    }

    /**
     * The {@code Authorization} header for a token a client brought. A token that could not be one
     * (spaces, line breaks, megabytes) is refused here rather than sent, or let break the request.
     */
    public String bearer(String accessToken) {
        String token = accessToken.strip();
        if (token.length() > MAX_TOKEN_LENGTH || !VISIBLE_ASCII.matcher(token).matches()) {
            throw new IdentityRejectedException(provider + " access token refused: it is not a well-formed token");
        }
        return "Bearer " + token;
    }

    /**
     * Whether codes, secrets and tokens may be sent to this address: over https, or over plain http
     * to this machine only (a provider in development or in tests).
     */
    public static boolean isSafeEndpoint(URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        return scheme.equals("https") || (scheme.equals("http") && loopback);
    }

    /** An {@code application/x-www-form-urlencoded} body, as the token endpoint takes it. */
    public static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((name, value) -> body.add(formEncode(name) + "=" + formEncode(value)));
        return HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
    }

    public static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public ProviderUnavailableException unavailable(String call, String what, Throwable cause) {
        return new ProviderUnavailableException(provider, call + ": " + what, cause);
    }

    private String describe(Throwable failure) {
        if (failure instanceof CappedBody.TooLarge) {
            return failure.getMessage();
        }
        if (failure instanceof HttpConnectTimeoutException) {
            return "could not connect within " + seconds();
        }
        if (failure instanceof HttpTimeoutException) {
            return "no answer within " + seconds();
        }
        if (failure instanceof ConnectException) {
            return "connection refused or unreachable";
        }
        if (failure instanceof IOException) {
            return "the connection failed (" + failure.getClass().getSimpleName() + ")";
        }
        return "the call failed (" + failure.getClass().getSimpleName() + ")";
    }

    private String seconds() {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
