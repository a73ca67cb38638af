package io.portcullis.application.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.fixtures.Sessions;
import io.portcullis.application.fixtures.UseCases;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.validation.FieldInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpdateUserTest {

    private final UseCases app = new UseCases();
    private Account alice;

    @BeforeEach
    void register() {
        alice = Sessions.register(app, "alice@example.com");
    }

    private UpdateUser.Outcome update(boolean partial, Map<String, FieldInput> profile) {
        return app.updateUser.update(new UpdateUser.Command(alice.id(), partial, FieldInput.absent(), profile));
    }

    @Test
    void patchChangesAnEditableField() {
        var outcome = (UpdateUser.Outcome.Updated) update(true, Map.of("gender", FieldInput.of("NS")));
        assertThat(outcome.account().profile().values()).containsEntry("gender", "NS");
        assertThat(app.accounts.findById(alice.id()).get().profile().values()).containsEntry("gender", "NS");
    }

    @Test
    void readOnlyAndUnknownFieldsAreIgnored() {
        var outcome = (UpdateUser.Outcome.Updated) update(true,
                Map.of("phone_number", FieldInput.of("+19999999999"), "nickname", FieldInput.of("al")));
        assertThat(outcome.account().profile().values()).containsEntry("phone_number", "+15550001111");
    }

    @Test
    void putRequiresTheRequiredEditableFields() {
        assertThat(update(false, Map.of())).isEqualTo(new UpdateUser.Outcome.Rejected(
                io.portcullis.domain.validation.ValidationErrors.of("gender", "This field is required.")));
        assertThat(update(false, Map.of("gender", FieldInput.of("M")))).isInstanceOf(UpdateUser.Outcome.Updated.class);
    }

    @Test
    void invalidChoicesAreRefused() {
        var outcome = (UpdateUser.Outcome.Rejected) update(true, Map.of("gender", FieldInput.of("Z")));
        assertThat(outcome.errors().byField()).containsExactly(Map.entry("gender", List.of("\"Z\" is not a valid choice.")));
    }

    @Test
    void aConcurrentChangeIsAConflictNotALostUpdate() {
        var stale = new io.portcullis.application.fakes.InMemoryAccountStore() {
            @Override
            public synchronized void update(Account changed) {
                throw new io.portcullis.application.port.ConcurrentUpdateException("account");
            }

            @Override
            public synchronized java.util.Optional<Account> findById(io.portcullis.domain.account.AccountId id) {
                return java.util.Optional.of(alice);
            }
        };
        var updateUser = new UpdateUser(stale, app.settings, app.transactions);
        assertThat(updateUser.update(new UpdateUser.Command(alice.id(), true, FieldInput.absent(),
                Map.of("gender", FieldInput.of("M"))))).isEqualTo(new UpdateUser.Outcome.Conflict());
    }
}
