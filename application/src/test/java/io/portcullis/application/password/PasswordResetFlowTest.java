package io.portcullis.application.password;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.fakes.InMemoryMailOutbox;
import io.portcullis.application.fixtures.Sessions;
import io.portcullis.application.fixtures.UseCases;
import io.portcullis.application.token.AuthenticateAccessToken;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.mail.OutgoingMail;
import io.portcullis.domain.validation.FieldInput;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PasswordResetFlowTest {

    private static final String NEW = "R3set-Pass!";

    private final UseCases app = new UseCases();
    private Account alice;

    @BeforeEach
    void register() {
        alice = Sessions.register(app, "alice@example.com");
    }

    private List<OutgoingMail> mails(MailKind kind) {
        return app.outbox.all().stream().map(InMemoryMailOutbox.Entry::mail).filter(m -> m.kind() == kind).toList();
    }

    private RequestPasswordReset.Outcome request(String email) {
        return app.requestReset.request(new RequestPasswordReset.Command(FieldInput.of(email), List.of()));
    }

    private ConfirmPasswordReset.Outcome confirm(String uid, String token, String new1, String new2) {
        return app.confirmReset.confirm(new ConfirmPasswordReset.Command(FieldInput.of(new1), FieldInput.of(new2),
                FieldInput.of(uid), FieldInput.of(token), List.of()));
    }

    private static Map<String, List<String>> errorsOf(ConfirmPasswordReset.Outcome outcome) {
        assertThat(outcome).isInstanceOf(ConfirmPasswordReset.Outcome.Rejected.class);
        return ((ConfirmPasswordReset.Outcome.Rejected) outcome).errors().byField();
    }

    @Test
    void knownAndUnknownAddressesGetTheSameAnswerButOnlyOneMail() {
        assertThat(request("ALICE@EXAMPLE.COM")).isEqualTo(request("nobody@example.com"));
        assertThat(mails(MailKind.PASSWORD_RESET)).singleElement().satisfies(mail -> {
            assertThat(mail.to().value()).isEqualTo("alice@example.com");
            assertThat(mail.variables()).containsEntry("uid", "1").containsEntry("token", "key-1")
                    .containsEntry("password_reset_url",
                            "http://127.0.0.1:8001/dj-rest-auth/password/reset/confirm/1/key-1/");
        });
    }

    @Test
    void theLinkSetsANewPasswordOnceAndSendsANotice() {
        request("alice@example.com");
        assertThat(confirm("1", "key-1", NEW, NEW)).isEqualTo(new ConfirmPasswordReset.Outcome.Reset());
        assertThat(app.hasher.matches(NEW, app.accounts.findById(alice.id()).get().passwordHash())).isTrue();
        assertThat(errorsOf(confirm("1", "key-1", NEW + "2", NEW + "2")))
                .containsExactly(Map.entry("token", List.of("Invalid value")));
        assertThat(mails(MailKind.PASSWORD_CHANGED)).hasSize(1);
    }

    @Test
    void aRejectedPasswordDoesNotBurnTheLink() {
        request("alice@example.com");
        assertThat(errorsOf(confirm("1", "key-1", NEW, NEW + "?")))
                .containsExactly(Map.entry("new_password2", List.of("The two password fields didn\u2019t match.")));
        assertThat(errorsOf(confirm("1", "key-1", "password", "password")))
                .containsExactly(Map.entry("new_password2", List.of("This password is too common.")));
        assertThat(confirm("1", "key-1", NEW, NEW)).isEqualTo(new ConfirmPasswordReset.Outcome.Reset());
    }

    @Test
    void badUidsAndTokensAreNamed() {
        request("alice@example.com");
        assertThat(errorsOf(confirm("zzzz", "key-1", NEW, NEW))).containsExactly(Map.entry("uid", List.of("Invalid value")));
        assertThat(errorsOf(confirm("!!", "key-1", NEW, NEW))).containsExactly(Map.entry("uid", List.of("Invalid value")));
        assertThat(errorsOf(confirm("1", "abc-123", NEW, NEW))).containsExactly(Map.entry("token", List.of("Invalid value")));
        var empty = new ConfirmPasswordReset.Command(FieldInput.absent(), FieldInput.absent(), FieldInput.absent(),
                FieldInput.absent(), List.of());
        assertThat(errorsOf(app.confirmReset.confirm(empty)).keySet())
                .containsExactly("new_password1", "new_password2", "uid", "token");
    }

    @Test
    void linksExpireAndDieWithAPasswordChange() {
        request("alice@example.com");
        request("alice@example.com");
        app.changePassword.change(new ChangePassword.Command(alice.id(), FieldInput.of(Sessions.PASSWORD),
                FieldInput.of("N3w-Pass!word"), FieldInput.of("N3w-Pass!word")));
        assertThat(errorsOf(confirm("1", "key-1", NEW, NEW))).containsKey("token");
        request("alice@example.com");
        app.clock.advance(Duration.ofDays(3));
        assertThat(errorsOf(confirm("1", "key-3", NEW, NEW))).containsKey("token");
    }

    @Test
    void aTokenOfAnotherAccountIsInvalid() {
        Sessions.register(app, "bob@example.com");
        request("bob@example.com");
        assertThat(errorsOf(confirm("1", "key-1", NEW, NEW))).containsExactly(Map.entry("token", List.of("Invalid value")));
    }

    @Test
    void sessionsSurviveAResetUnlessConfigured() {
        var tokens = Sessions.logIn(app, "alice@example.com", Sessions.PASSWORD);
        request("alice@example.com");
        confirm("1", "key-1", NEW, NEW);
        assertThat(app.authenticate.authenticate(tokens.access()))
                .isInstanceOf(AuthenticateAccessToken.Outcome.Authenticated.class);
    }
}
