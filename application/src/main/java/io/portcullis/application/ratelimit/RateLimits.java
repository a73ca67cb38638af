package io.portcullis.application.ratelimit;

import io.portcullis.application.port.AuditTrail;
import io.portcullis.application.port.RateLimitCounters;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.audit.EventOutcome;
import io.portcullis.domain.session.ClientDetails;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Applies the rules of {@link RateLimitSettings} through shared {@link RateLimitCounters}. Use
 * cases call it before any costly work (a password hash, a mail), so a refused request is cheap.
 *
 * <p>Counters are fixed windows that open at their first hit: one row per counter, updated in
 * one atomic statement on any database, at the price that a client may squeeze up to twice a
 * rule's amount into one period around a window's end. Keys reach the counters as SHA-256
 * digests only: no address, login or IP is stored. An IPv6 client counts by its /64 network.
 *
 * <p>Failed logins are counted per IP and per (account or login as typed, IP) pair, never per
 * account alone: an attacker's failures hold back their own IP and pairs, and the owner, from
 * another IP, logs in at once. A pair that breaches a per-key rule again within a day is held
 * back for twice as long as the time before (the rule's period, doubled per breach, up to
 * {@link RateLimitSettings#maxBackoff()}); a successful login from that IP forgets the pair.
 */
public final class RateLimits {

    /** How long repeated breaches of a pair are remembered for the backoff. */
    static final Duration BREACH_MEMORY = Duration.ofDays(1);
    static final String BREACHES = RateLimitedAction.LOGIN_FAILED.settingName() + "/breaches";
    static final String BACKOFF = RateLimitedAction.LOGIN_FAILED.settingName() + "/backoff";

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final RateLimits UNLIMITED =
            new RateLimits(null, RateLimitSettings.off(), Clock.systemUTC(), AuditTrail.none());

    private final RateLimitCounters counters;
    private final RateLimitSettings settings;
    private final Clock clock;
    private final AuditTrail audit;

    /** @param audit records every refusal ({@code rate_limit_hit}, the action as reason) */
    public RateLimits(RateLimitCounters counters, RateLimitSettings settings, Clock clock, AuditTrail audit) {
        this.counters = counters;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
        if (counters == null && settings.enabled()) {
            throw new IllegalArgumentException("rate limits need counters");
        }
    }

    /** Limits nothing and counts nothing: for use cases built without rate limits. */
    public static RateLimits unlimited() {
        return UNLIMITED;
    }

    /**
     * Counts one request of {@code action} under every rule of the action: per IP, and per key
     * when {@code key} is given (an address as typed, in lower case).
     *
     * @throws RateLimitExceededException when a rule's amount is exceeded by this request
     */
    public void consume(RateLimitedAction action, ClientDetails client, Optional<String> key) {
        List<Rate> rules = settings.rulesOf(action);
        if (rules.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (int i = 0; i < rules.size(); i++) {
            Rate rate = rules.get(i);
            Optional<String> digest = rate.per() == Rate.Per.IP ? ipKey(client) : key.map(k -> digest("key", k));
            if (digest.isPresent()) {
                RateLimitCounters.Window window = counters.increment(bucket(action, i), digest.get(), now, rate.period());
                if (window.hits() > rate.amount()) {
                    wait = longer(wait, Duration.between(now, window.endsAt()));
                }
            }
        }
        if (wait.isPositive()) {
            throw throttled(action, client, now, wait);
        }
    }

    /**
     * Starts a login attempt: refuses it when its IP or (login, IP) pair is held back, before its
     * password is checked; counts nothing yet. Report the attempt's end to the answer.
     *
     * @param login the account's identity, or the login as typed when no account has it
     * @throws RateLimitExceededException when held back
     */
    public LoginAttempt loginAttempt(ClientDetails client, String login) {
        List<Rate> rules = settings.rulesOf(RateLimitedAction.LOGIN_FAILED);
        String pair = pairKey(client, login);
        if (rules.isEmpty()) {
            return new LoginAttempt(this, client, pair, false);
        }
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        boolean pairCounted = false;
        for (int i = 0; i < rules.size(); i++) {
            Rate rate = rules.get(i);
            Optional<String> digest = rate.per() == Rate.Per.IP ? ipKey(client) : Optional.of(pair);
            if (digest.isPresent()) {
                Optional<RateLimitCounters.Window> window =
                        counters.read(bucket(RateLimitedAction.LOGIN_FAILED, i), digest.get(), now);
                pairCounted |= rate.per() == Rate.Per.KEY && window.isPresent();
                if (window.isPresent() && window.get().hits() >= rate.amount()) {
                    wait = longer(wait, Duration.between(now, window.get().endsAt()));
                }
            }
        }
        Optional<RateLimitCounters.Window> backoff = counters.read(BACKOFF, pair, now);
        if (backoff.isPresent()) {
            wait = longer(wait, Duration.between(now, backoff.get().endsAt()));
        }
        if (wait.isPositive()) {
            throw throttled(RateLimitedAction.LOGIN_FAILED, client, now, wait);
        }
        pairCounted |= counters.read(BREACHES, pair, now).isPresent();
        return new LoginAttempt(this, client, pair, pairCounted);
    }

    /**
     * A login attempt let through: its failure is counted, its success forgets the pair (only
     * when the pair has counters, so a plain successful login writes nothing).
     */
    public static final class LoginAttempt {

        private final RateLimits limits;
        private final ClientDetails client;
        private final String pair;
        private final boolean pairCounted;

        private LoginAttempt(RateLimits limits, ClientDetails client, String pair, boolean pairCounted) {
            this.limits = limits;
            this.client = client;
            this.pair = pair;
            this.pairCounted = pairCounted;
        }

        /** Counts the failure; a pair that reaches a per-key rule backs off longer each time. */
        public void failed() {
            limits.loginFailed(client, pair);
        }

        /** Forgets the failures of the pair, and its backoff. */
        public void succeeded() {
            if (pairCounted) {
                limits.forget(pair);
            }
        }
    }

    private void loginFailed(ClientDetails client, String pair) {
        List<Rate> rules = settings.rulesOf(RateLimitedAction.LOGIN_FAILED);
        Instant now = clock.instant();
        for (int i = 0; i < rules.size(); i++) {
            Rate rate = rules.get(i);
            Optional<String> digest = rate.per() == Rate.Per.IP ? ipKey(client) : Optional.of(pair);
            if (digest.isPresent()) {
                long hits = counters.increment(bucket(RateLimitedAction.LOGIN_FAILED, i), digest.get(), now,
                        rate.period()).hits();
                if (rate.per() == Rate.Per.KEY && hits == rate.amount()) {
                    backOff(pair, rate.period(), now);
                }
            }
        }
    }

    private void forget(String pair) {
        List<Rate> rules = settings.rulesOf(RateLimitedAction.LOGIN_FAILED);
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).per() == Rate.Per.KEY) {
                counters.clear(bucket(RateLimitedAction.LOGIN_FAILED, i), pair);
            }
        }
        counters.clear(BREACHES, pair);
        counters.clear(BACKOFF, pair);
    }

    /**
     * The first breach holds the pair back for the rule's period (the counter's window does), the
     * n-th within a day for the period times 2^(n-1), at most the longest backoff.
     */
    private void backOff(String pair, Duration period, Instant now) {
        long breaches = counters.increment(BREACHES, pair, now, BREACH_MEMORY).hits();
        if (breaches < 2) {
            return;
        }
        Duration length = period.multipliedBy(1L << Math.min(breaches - 1, 20));
        if (length.compareTo(settings.maxBackoff()) > 0) {
            length = longer(settings.maxBackoff(), period);
        }
        counters.clear(BACKOFF, pair);
        counters.increment(BACKOFF, pair, now, length);
    }

    /**
     * Where every refusal is made: the one place a limit is hit, and recorded. The account is not
     * named: what is counted is an address or a digest, and a refused request is not looked at
     * further.
     */
    private RateLimitExceededException throttled(RateLimitedAction action, ClientDetails client, Instant now,
            Duration wait) {
        audit.record(new AuthenticationEvent(now, AuthenticationEventType.RATE_LIMIT_HIT, EventOutcome.FAILED,
                Optional.empty(), client, Optional.of(action.name().toLowerCase(java.util.Locale.ROOT))));
        return new RateLimitExceededException(action, wait);
    }

    private static String bucket(RateLimitedAction action, int rule) {
        return action.settingName() + "/" + rule;
    }

    private static Optional<String> ipKey(ClientDetails client) {
        return client.ipAddress().map(ip -> digest("ip", network(ip)));
    }

    private static String pairKey(ClientDetails client, String login) {
        return digest("pair", login + "\u0000" + client.ipAddress().map(RateLimits::network).orElse(""));
    }

    /**
     * What a rule counts as one client: an IPv4 address, or the /64 network of an IPv6 one, since
     * one subscriber usually holds a whole /64 and could take a new address for every request.
     */
    static String network(String ip) {
        if (!ip.contains(":") || !IPV6.matcher(ip).matches()) {
            return ip;
        }
        try {
            // Only hex digits, colons and dots: a literal, parsed without any name lookup.
            byte[] address = InetAddress.getByName("[" + ip + "]").getAddress();
            return address.length == 16
                    ? HexFormat.of().formatHex(address, 0, 8) + "::/64"
                    : InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            return ip;
        }
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static String digest(String kind, String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
