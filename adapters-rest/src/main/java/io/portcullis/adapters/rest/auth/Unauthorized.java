package io.portcullis.adapters.rest.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.portcullis.adapters.rest.response.ErrorBodies;
import io.portcullis.application.token.TokenRefusal;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** simplejwt's 401 answers, each with the {@code WWW-Authenticate} challenge DRF adds. */
public final class Unauthorized {

    public static final String CHALLENGE = "Bearer realm=\"api\"";
    static final String NOT_PROVIDED = "Authentication credentials were not provided.";
    private static final String TOKEN_NOT_VALID = "token_not_valid";

    /** The body of an access token refused by the authentication of a request. */
    public record TokenNotValid(String detail, String code, List<TokenMessage> messages) {}

    public record TokenMessage(
            @JsonProperty("token_class") String tokenClass,
            @JsonProperty("token_type") String tokenType,
            String message) {}

    private Unauthorized() {}

    static Response notProvided() {
        return challenge(new ErrorBodies.Detail(NOT_PROVIDED));
    }

    static Response badHeader() {
        return challenge(new ErrorBodies.CodedDetail(
                "Authorization header must contain two space-delimited values", "bad_authorization_header"));
    }

    /** A request's access token was refused (header or cookie). */
    static Response accessTokenRefused(TokenRefusal reason) {
        return switch (reason) {
            case MISSING -> notProvided();
            case ACCOUNT_NOT_FOUND -> accountNotFound();
            case ACCOUNT_INACTIVE -> challenge(new ErrorBodies.CodedDetail("User is inactive", "user_inactive"));
            case INVALID_OR_EXPIRED, WRONG_TYPE, BLACKLISTED -> challenge(new TokenNotValid(
                    "Given token not valid for any token type", TOKEN_NOT_VALID,
                    List.of(new TokenMessage("AccessToken", "access", tokenMessage(reason)))));
        };
    }

    // ---------------------------------------------------------------- token mode (DRF's TokenAuthentication)

    /** DRF's TokenAuthentication challenge. */
    public static final String KEY_CHALLENGE = "Token";

    static Response keyNotProvided() {
        return keyChallenge(NOT_PROVIDED);
    }

    /** {@code Authorization: Token} with no key, or a key with spaces in it. */
    public static Response badKeyHeader(boolean noKey) {
        return keyChallenge(noKey
                ? "Invalid token header. No credentials provided."
                : "Invalid token header. Token string should not contain spaces.");
    }

    /** A key refused: unknown or of an ended session, or of an inactive account. */
    public static Response keyRefused(TokenRefusal reason) {
        return keyChallenge(reason == TokenRefusal.ACCOUNT_INACTIVE || reason == TokenRefusal.ACCOUNT_NOT_FOUND
                ? "User inactive or deleted."
                : "Invalid token.");
    }

    private static Response keyChallenge(String detail) {
        return Response.fromResponse(ErrorBodies.json(401, new ErrorBodies.Detail(detail)))
                .header(HttpHeaders.WWW_AUTHENTICATE, KEY_CHALLENGE)
                .build();
    }

    /** The account of an authenticated request disappeared while it was served. */
    public static Response accountNotFound() {
        return challenge(new ErrorBodies.CodedDetail("User not found", "user_not_found"));
    }

    /** A token given to token/verify or token/refresh was refused. */
    public static Response tokenRefused(TokenRefusal reason) {
        return switch (reason) {
            case MISSING -> challenge(new ErrorBodies.CodedDetail("No valid refresh token found.", TOKEN_NOT_VALID));
            // simplejwt 5.3 and later answer so when the account of a refresh token is gone or inactive.
            case ACCOUNT_NOT_FOUND, ACCOUNT_INACTIVE -> challenge(new ErrorBodies.CodedDetail(
                    "No active account found for the given token.", "no_active_account"));
            case INVALID_OR_EXPIRED, WRONG_TYPE, BLACKLISTED ->
                    challenge(new ErrorBodies.CodedDetail(tokenMessage(reason), TOKEN_NOT_VALID));
        };
    }

    /** simplejwt's TokenError texts. */
    public static String tokenMessage(TokenRefusal reason) {
        return switch (reason) {
            case WRONG_TYPE -> "Token has wrong type";
            case BLACKLISTED -> "Token is blacklisted";
            default -> "Token is invalid or expired";
        };
    }

    private static Response challenge(Object body) {
        return Response.fromResponse(ErrorBodies.json(401, body))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .build();
    }
}
