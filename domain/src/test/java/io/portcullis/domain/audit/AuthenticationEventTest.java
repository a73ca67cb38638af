package io.portcullis.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.session.ClientDetails;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticationEventTest {

    private static final Instant AT = Instant.parse("2026-11-29T08:00:00Z");

    @Test
    void a_success_names_its_account_and_has_no_reason_until_given_one() {
        var event = AuthenticationEvent.succeeded(AuthenticationEventType.SESSION_REVOKED, AT, new AccountId(7),
                ClientDetails.of("curl/8", "192.0.2.1"));

        assertThat(event.outcome()).isEqualTo(EventOutcome.SUCCEEDED);
        assertThat(event.account()).contains(new AccountId(7));
        assertThat(event.reason()).isEmpty();
        assertThat(event.because(AuditReasons.REVOKED_BY_OWNER).reason()).contains("revoked_by_owner");
    }

    @Test
    void a_failure_may_name_no_account() {
        var event = AuthenticationEvent.failed(AuthenticationEventType.LOGIN_FAILED, AT, Optional.empty(),
                ClientDetails.unknown(), AuditReasons.UNKNOWN_ACCOUNT);

        assertThat(event.outcome()).isEqualTo(EventOutcome.FAILED);
        assertThat(event.account()).isEmpty();
        assertThat(event.reason()).contains("unknown_account");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Wrong", "with space", "hunter2!", "9starts_with_digit",
        "a_reason_of_sixty_five_characters_is_one_character_too_long_xxxxx"})
    void a_reason_is_a_short_code_and_never_free_text(String reason) {
        assertThatThrownBy(() -> AuthenticationEvent.failed(AuthenticationEventType.LOGIN_FAILED, AT,
                Optional.empty(), ClientDetails.unknown(), reason))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void types_and_outcomes_have_lowercase_codes_that_read_back() {
        for (AuthenticationEventType type : AuthenticationEventType.values()) {
            assertThat(AuthenticationEventType.fromCode(type.code())).isEqualTo(type);
            assertThat(type.code()).matches("[a-z_]+");
        }
        assertThat(EventOutcome.fromCode("failed")).isEqualTo(EventOutcome.FAILED);
        assertThat(AuthenticationEventType.RATE_LIMIT_HIT.code()).isEqualTo("rate_limit_hit");
    }
}
