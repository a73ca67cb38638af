package io.portcullis.bootstrap.audit;

import io.portcullis.application.port.AuditTrail;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.audit.AuthenticationEvent;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail as log lines: one INFO line per event on the logger {@value #LOGGER}, as
 * {@code key=value} pairs that log shippers parse without a grok pattern:
 *
 * <pre>
 * event=login_failed outcome=failed at=2026-11-29T08:01:02.345Z account=17 ip=192.0.2.1 user_agent="curl/8.5.0" reason=wrong_password
 * </pre>
 *
 * Absent values print as {@code -}. The User-Agent, the one value a client chooses, is always
 * quoted, with {@code "} and {@code \} escaped (control characters never reach it), so it cannot
 * forge another pair or another line. Lives in bootstrap, which owns the logging set-up; the
 * use cases never see SLF4J.
 */
public final class LogAuditTrail implements AuditTrail {

    /** Route it to a file or a shipper of its own in {@code logback.xml}. */
    public static final String LOGGER = "portcullis.audit";

    private final Logger log;

    public LogAuditTrail() {
        this(LoggerFactory.getLogger(LOGGER));
    }

    LogAuditTrail(Logger log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void record(AuthenticationEvent event) {
        Objects.requireNonNull(event, "event");
        if (log.isInfoEnabled()) {
            log.info(line(event));
        }
    }

    /** The line of an event. */
    public static String line(AuthenticationEvent event) {
        return "event=" + event.type().code()
                + " outcome=" + event.outcome().code()
                + " at=" + event.at()
                + " account=" + event.account().map(AccountId::toString).orElse("-")
                + " ip=" + event.client().ipAddress().map(LogAuditTrail::bare).orElse("-")
                + " user_agent=" + event.client().userAgent().map(LogAuditTrail::quoted).orElse("-")
                + " reason=" + event.reason().orElse("-");
    }

    /** An address as the container gave it: quoted only if it holds anything but address characters. */
    private static String bare(String address) {
        return address.matches("[0-9A-Za-z.:%\\[\\]-]+") ? address : quoted(address);
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
