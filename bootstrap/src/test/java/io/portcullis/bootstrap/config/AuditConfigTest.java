package io.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.bootstrap.config.PortcullisConfig.AuditSink;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The audit.* settings: both sinks and a year by default, the database always first. */
class AuditConfigTest {

    @Test
    void writesTheTableAndTheLogAndKeepsRowsAYearByDefault() {
        PortcullisConfig.Audit audit = Loading.withSecret().load().audit();

        assertThat(audit.sinks()).containsExactly(AuditSink.DATABASE, AuditSink.LOG);
        assertThat(audit.retention()).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void takesTheSinksInAnyOrderAndCaseOnceEachTheDatabaseFirst() {
        PortcullisConfig.Audit audit = Loading.withSecret().env("PORTCULLIS_AUDIT_SINKS", "LOG, database, log")
                .env("PORTCULLIS_AUDIT_RETENTION", "P90D").load().audit();

        assertThat(audit.sinks()).containsExactly(AuditSink.DATABASE, AuditSink.LOG);
        assertThat(audit.retention()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void oneSinkOrNone() {
        assertThat(Loading.withSecret().env("PORTCULLIS_AUDIT_SINKS", "log").load().audit().sinks())
                .containsExactly(AuditSink.LOG);
        assertThat(Loading.withSecret().env("PORTCULLIS_AUDIT_SINKS", "").load().audit().sinks()).isEmpty();
    }

    @Test
    void refusesAnUnknownSinkNamingIt() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_AUDIT_SINKS", "database,siem").onlyProblem();

        assertThat(problem.keys()).containsExactly("audit.sinks");
        assertThat(problem.toString()).contains("\"siem\" is not an audit sink");
    }

    @Test
    void refusesANegativeOrMalformedRetention() {
        ConfigProblem negative = Loading.withSecret().env("PORTCULLIS_AUDIT_RETENTION", "-P1D").onlyProblem();
        ConfigProblem malformed = Loading.withSecret().env("PORTCULLIS_AUDIT_RETENTION", "a year").onlyProblem();

        assertThat(negative.keys()).containsExactly("audit.retention");
        assertThat(malformed.keys()).containsExactly("audit.retention");
    }
}
