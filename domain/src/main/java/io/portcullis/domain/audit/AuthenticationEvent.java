package io.portcullis.domain.audit;

import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.session.ClientDetails;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of the audit trail: when, what, for which account, from which client, how it ended
 * and, in a short code, why. It holds nothing a client typed except its User-Agent: no login, no
 * password, no token, key or link, so no sink can leak one. A failed login names the account
 * only when the login matched one; what was typed for an unknown login is not kept, because users
 * sometimes type their password into the login field.
 *
 * @param account the account concerned, when one is known
 * @param reason a code such as {@code wrong_password} (see {@link AuditReasons}): lowercase
 *     letters, digits and underscores, at most {@value #MAX_REASON_LENGTH} characters, so that no
 *     free text (and no secret) can get into it
 */
public record AuthenticationEvent(
        Instant at,
        AuthenticationEventType type,
        EventOutcome outcome,
        Optional<AccountId> account,
        ClientDetails client,
        Optional<String> reason) {

    public static final int MAX_REASON_LENGTH = 64;

    private static final Pattern REASON = Pattern.compile("[a-z][a-z0-9_]{0," + (MAX_REASON_LENGTH - 1) + "}");

    public AuthenticationEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(reason, "reason");
        reason.filter(code -> !REASON.matcher(code).matches()).ifPresent(code -> {
            throw new IllegalArgumentException("a reason is a lowercase code of at most " + MAX_REASON_LENGTH
                    + " letters, digits and underscores");
        });
    }

    /** Something went through for an account. */
    public static AuthenticationEvent succeeded(AuthenticationEventType type, Instant at, AccountId account,
            ClientDetails client) {
        return new AuthenticationEvent(at, type, EventOutcome.SUCCEEDED, Optional.of(account), client,
                Optional.empty());
    }

    /** Something was refused, for an account when one is known. */
    public static AuthenticationEvent failed(AuthenticationEventType type, Instant at, Optional<AccountId> account,
            ClientDetails client, String reason) {
        return new AuthenticationEvent(at, type, EventOutcome.FAILED, account, client, Optional.of(reason));
    }

    /** This event with a reason. */
    public AuthenticationEvent because(String code) {
        return new AuthenticationEvent(at, type, outcome, account, client, Optional.of(code));
    }
}
