package io.portcullis.adapters.persistence;

import static io.portcullis.adapters.persistence.SqlFailures.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.application.port.MailOutbox;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.mail.OutgoingMail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outbox in {@code mail_outbox}. {@link #enqueue} is one insert, so it commits or rolls back
 * with the caller's transaction: mail exists exactly when the change it reports does.
 *
 * <p>{@link #claimDue} is safe with several dispatchers on one database. In one transaction (the
 * caller's if there is one, else its own) it reads the earliest due ids without locks, a window
 * of {@value #CANDIDATES_PER_CLAIM} times the limit, then takes them one by one: each is locked
 * {@code FOR UPDATE SKIP LOCKED} (a row another dispatcher holds is skipped, not waited for) and
 * leased with a conditional {@code UPDATE} that only succeeds while the row is still due, until
 * the limit is reached. The conditional update alone keeps two dispatchers from leasing one
 * message; the locks keep them from waiting on each other, so concurrent dispatchers share the
 * due messages. The locks last until the claim's transaction ends: keep claims out of long
 * transactions.
 *
 * <p>{@link #markSent} empties the variables of the message, since they carry one-time links: a
 * copy of the table then opens no link that was already delivered. The last error of a failed
 * attempt is cut to {@value #MAX_ERROR_LENGTH} characters.
 */
public final class MyBatisMailOutbox implements MailOutbox {

    /** Longest last error kept, the width of {@code mail_outbox.last_error}. */
    public static final int MAX_ERROR_LENGTH = 2000;

    /** How many candidates a claim reads per message it may return. */
    static final int CANDIDATES_PER_CLAIM = 4;

    private static final TypeReference<LinkedHashMap<String, String>> VARIABLES = new TypeReference<>() {};

    private final MailOutboxMapper mapper;
    private final MyBatisTransactionRunner transactions;
    private final ObjectMapper json = new ObjectMapper();

    public MyBatisMailOutbox(Database database) {
        Objects.requireNonNull(database, "database");
        this.mapper = database.sessions().getMapper(MailOutboxMapper.class);
        this.transactions = new MyBatisTransactionRunner(database);
    }

    @Override
    public void enqueue(OutgoingMail mail, Instant now) {
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(now, "now");
        OutboxWrite write = new OutboxWrite(mail.kind().name(), mail.to().value(), mail.language(),
                writeVariables(mail.variables()), now);
        guard("queueing a mail", () -> mapper.insert(write));
    }

    /** @throws IllegalArgumentException when {@code limit} is below 1 or {@code lease} is not positive */
    @Override
    public List<QueuedMail> claimDue(int limit, Instant now, Duration lease) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lease, "lease");
        if (limit < 1) {
            throw new IllegalArgumentException("claim at least one message, got a limit of " + limit);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease must be positive");
        }
        Instant until = now.plus(lease);
        return guard("claiming due mail", () -> transactions.inTransaction(() -> {
            int window = (int) Math.min((long) limit * CANDIDATES_PER_CLAIM, Integer.MAX_VALUE);
            List<Long> claimed = new ArrayList<>();
            for (long id : mapper.selectDueIds(now, window)) {
                if (claimed.size() == limit) {
                    break;
                }
                if (mapper.lockIfDue(id, now) != null && mapper.claim(id, now, until) == 1) {
                    claimed.add(id);
                }
            }
            if (claimed.isEmpty()) {
                return List.<QueuedMail>of();
            }
            return mapper.selectByIds(claimed).stream().map(this::toQueued).toList();
        }));
    }

    /** An unknown id changes nothing. */
    @Override
    public void markSent(long id, Instant now) {
        Objects.requireNonNull(now, "now");
        guard("marking a mail sent", () -> mapper.markSent(id, now));
    }

    /** An unknown id, or a message already sent, changes nothing. */
    @Override
    public void markFailed(long id, String error, Optional<Instant> retryAt, Instant now) {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(retryAt, "retryAt");
        Objects.requireNonNull(now, "now");
        String kept = truncate(error);
        guard("recording a failed mail delivery", () -> retryAt.isPresent()
                ? mapper.markFailedForRetry(id, kept, retryAt.get())
                : mapper.markFailedForGood(id, kept));
    }

    /** {@code error} cut to {@link #MAX_ERROR_LENGTH} characters, never inside a surrogate pair. */
    static String truncate(String error) {
        if (error.length() <= MAX_ERROR_LENGTH) {
            return error;
        }
        int end = MAX_ERROR_LENGTH;
        if (Character.isHighSurrogate(error.charAt(end - 1))) {
            end--;
        }
        return error.substring(0, end);
    }

    private QueuedMail toQueued(OutboxRow row) {
        OutgoingMail mail = new OutgoingMail(MailKind.valueOf(row.kind()), new EmailAddress(row.recipient()),
                row.language(), readVariables(row.variables()));
        return new QueuedMail(row.id(), mail, row.attempts());
    }

    private String writeVariables(Map<String, String> variables) {
        try {
            return json.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("mail variables cannot be written as JSON");
        }
    }

    private Map<String, String> readVariables(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(text, VARIABLES);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored mail variables are not a JSON object of strings");
        }
    }
}
