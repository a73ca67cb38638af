package io.portcullis.application.port;

import io.portcullis.domain.audit.AuthenticationEvent;

/**
 * Where authentication events go: a table, a log, a SIEM. The use cases call it inside the
 * transaction of the change an event reports, where there is one, so an implementation that
 * writes to the service's database commits or rolls back with the change. An implementation that
 * throws fails the request (with the store's answer, such as 503 for
 * {@link StoreUnavailableException}): an audit trail that drops events silently cannot be relied
 * on in an investigation.
 */
public interface AuditTrail {

    void record(AuthenticationEvent event);

    /** Records nothing: for tools and tests that do not audit. */
    static AuditTrail none() {
        return event -> { };
    }
}
