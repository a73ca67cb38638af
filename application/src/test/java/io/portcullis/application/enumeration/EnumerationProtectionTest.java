package io.portcullis.application.enumeration;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.ratelimit.RateLimits;
import io.portcullis.application.confirmation.EmailConfirmations;
import io.portcullis.application.confirmation.ResendConfirmation;
import io.portcullis.application.fakes.DirectTransactionRunner;
import io.portcullis.application.fakes.InMemoryAccountStore;
import io.portcullis.application.fakes.InMemoryMailOutbox;
import io.portcullis.application.fixtures.ArticleSetup;
import io.portcullis.application.fixtures.Sessions;
import io.portcullis.application.fixtures.UseCases;
import io.portcullis.application.password.RequestPasswordReset;
import io.portcullis.application.port.DuplicateAccountException;
import io.portcullis.application.registration.RegisterAccount;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.settings.EnumerationProtection;
import io.portcullis.application.settings.TokenSettings;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.account.NewAccount;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.mail.OutgoingMail;
import io.portcullis.domain.validation.FieldInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What answers and mails reveal about which addresses have accounts, with protection on and off. */
class EnumerationProtectionTest {

    private static UseCases app(EmailVerification verification, EnumerationProtection protection) {
        return new UseCases(ArticleSetup.settings(verification, false), TokenSettings.simpleJwtDefaults(),
                ArticleSetup.mail(), protection);
    }

    private static RegisterAccount.Command registration(String email, String password) {
        return new RegisterAccount.Command(FieldInput.absent(), FieldInput.of(email), FieldInput.of(password),
                FieldInput.of(password), Map.of("gender", FieldInput.of("M"), "phone_number", FieldInput.of("+15550002222")));
    }

    /** The mails queued after the first {@code skip}. */
    private static List<OutgoingMail> mails(UseCases app, int skip) {
        return app.outbox.all().stream().skip(skip).map(InMemoryMailOutbox.Entry::mail).toList();
    }

    private static RequestPasswordReset.Outcome reset(UseCases app, String email) {
        return app.requestReset.request(new RequestPasswordReset.Command(FieldInput.of(email), List.of("de")));
    }

    private static ResendConfirmation.Outcome resend(UseCases app, String email) {
        return app.resendConfirmation.resend(new ResendConfirmation.Command(FieldInput.of(email), List.of()));
    }

    @Test
    void aTakenAddressRegistersLikeAFreshOneAndTheOwnerIsToldInstead() {
        var app = app(EmailVerification.MANDATORY, EnumerationProtection.ON);
        Account alice = Sessions.register(app, "alice@example.com");
        int hashesBefore = app.hasher.hashes();
        int earlier = app.outbox.all().size();

        var outcome = app.register.register(registration("ALICE@example.com", "An0ther-Secret!"));

        assertThat(outcome).isEqualTo(new RegisterAccount.Outcome.OwnerNotified());
        assertThat(app.hasher.hashes()).as("the same hashing work as a fresh registration").isEqualTo(hashesBefore + 1);
        assertThat(app.accounts.findByEmail(EmailAddress.parse("alice@example.com").orElseThrow()))
                .hasValueSatisfying(stored -> assertThat(stored.passwordHash()).isEqualTo(alice.passwordHash()));
        assertThat(mails(app, earlier)).singleElement().satisfies(mail -> {
            assertThat(mail.kind()).isEqualTo(MailKind.ACCOUNT_ALREADY_EXISTS);
            assertThat(mail.to().value()).isEqualTo("alice@example.com");
            assertThat(mail.variables()).containsEntry("email", "alice@example.com")
                    .containsEntry("password_reset_url", "");
        });
    }

    @Test
    void aFreshRegistrationStillCreatesTheAccountAndMailsTheConfirmation() {
        var app = app(EmailVerification.MANDATORY, EnumerationProtection.ON);
        int earlier = 0;

        var outcome = app.register.register(registration("bob@example.com", "An0ther-Secret!"));

        assertThat(outcome).isInstanceOf(RegisterAccount.Outcome.Registered.class);
        assertThat(mails(app, earlier)).extracting(OutgoingMail::kind).containsExactly(MailKind.EMAIL_CONFIRMATION_SIGNUP);
    }

    @Test
    void aTakenAddressWithABadPasswordGetsThePasswordErrorOnly() {
        var app = app(EmailVerification.MANDATORY, EnumerationProtection.ON);
        Sessions.register(app, "alice@example.com");
        int earlier = app.outbox.all().size();

        var outcome = app.register.register(registration("alice@example.com", "password"));

        assertThat(outcome).isInstanceOfSatisfying(RegisterAccount.Outcome.Rejected.class, rejected ->
                assertThat(rejected.errors().byField()).containsOnlyKeys("password1"));
        assertThat(mails(app, earlier)).isEmpty();
    }

    @Test
    void withoutMandatoryVerificationATakenAddressStillGetsTheDuplicateError() {
        // A fresh registration would log in at once, which a taken address cannot imitate.
        var app = app(EmailVerification.OPTIONAL, EnumerationProtection.ON);
        Sessions.register(app, "alice@example.com");

        var outcome = app.register.register(registration("alice@example.com", "An0ther-Secret!"));

        assertThat(outcome).isInstanceOfSatisfying(RegisterAccount.Outcome.Rejected.class, rejected ->
                assertThat(rejected.errors().byField()).containsExactly(
                        Map.entry("email", List.of("A user is already registered with this e-mail address."))));
    }

    @Test
    void withProtectionOffTheReferenceErrorComesBack() {
        var app = app(EmailVerification.MANDATORY, EnumerationProtection.OFF);
        Sessions.register(app, "alice@example.com");

        var outcome = app.register.register(registration("Alice@Example.com", "An0ther-Secret!"));

        assertThat(outcome).isInstanceOfSatisfying(RegisterAccount.Outcome.Rejected.class, rejected ->
                assertThat(rejected.errors().byField()).containsExactly(
                        Map.entry("email", List.of("A user is already registered with this e-mail address."))));
    }

    @Test
    void losingTheRaceForAnAddressAlsoNotifiesTheOwner() {
        var app = app(EmailVerification.MANDATORY, EnumerationProtection.ON);
        var owner = Sessions.register(app, "alice@example.com");
        // The check passes, then another registration takes the address before the insert.
        var racing = new InMemoryAccountStore() {
            private boolean first = true;

            @Override
            public synchronized java.util.Optional<Account> findByEmail(EmailAddress email) {
                if (first) {
                    first = false;
                    return java.util.Optional.empty();
                }
                return java.util.Optional.of(owner);
            }

            @Override
            public synchronized Account add(NewAccount account) {
                throw new DuplicateAccountException(DuplicateAccountException.Attribute.EMAIL);
            }
        };
        var outbox = new InMemoryMailOutbox();
        var register = new RegisterAccount(racing, app.hasher, app.issuer,
                new EmailConfirmations(app.keys, app.oneTimeTokens, outbox, app.mail), outbox, app.settings, app.mail,
                EnumerationProtection.ON, new DirectTransactionRunner(), app.clock, RateLimits.unlimited(), app.audit);

        assertThat(register.register(registration("alice@example.com", "An0ther-Secret!")))
                .isEqualTo(new RegisterAccount.Outcome.OwnerNotified());
        assertThat(outbox.all()).extracting(entry -> entry.mail().kind()).containsExactly(MailKind.ACCOUNT_ALREADY_EXISTS);
    }

    @Test
    void aResetForAnUnknownAddressMailsTheUnknownAccountNotice() {
        var app = app(EmailVerification.MANDATORY, EnumerationProtection.ON);
        Sessions.register(app, "alice@example.com");
        int earlier = app.outbox.all().size();

        assertThat(reset(app, "nobody@example.com")).isEqualTo(reset(app, "alice@example.com"));

        assertThat(mails(app, earlier)).extracting(OutgoingMail::kind)
                .containsExactly(MailKind.UNKNOWN_ACCOUNT, MailKind.PASSWORD_RESET);
        assertThat(mails(app, earlier).getFirst()).satisfies(mail -> {
            assertThat(mail.to().value()).isEqualTo("nobody@example.com");
            assertThat(mail.language()).isEqualTo("de");
            assertThat(mail.variables()).containsEntry("email", "nobody@example.com")
                    .containsEntry("site_name", app.mail.siteName())
                    .doesNotContainKeys("password_reset_url", "token", "uid");
        });
    }

    @Test
    void aResendForAnUnknownAddressMailsTheNoticeAndForAnUnconfirmedOneTheLink() {
        var app = app(EmailVerification.MANDATORY, EnumerationProtection.ON);
        Sessions.register(app, "alice@example.com");
        int earlier = app.outbox.all().size();

        assertThat(resend(app, "nobody@example.com")).isEqualTo(resend(app, "alice@example.com"));

        assertThat(mails(app, earlier)).extracting(OutgoingMail::kind)
                .containsExactly(MailKind.UNKNOWN_ACCOUNT, MailKind.EMAIL_CONFIRMATION);
    }

    @Test
    void withoutUnknownAccountMailsNothingIsSentForAnUnknownAddress() {
        var app = app(EmailVerification.MANDATORY, new EnumerationProtection(true, false));
        int earlier = 0;

        assertThat(reset(app, "nobody@example.com")).isEqualTo(new RequestPasswordReset.Outcome.Accepted());
        assertThat(resend(app, "nobody@example.com")).isEqualTo(new ResendConfirmation.Outcome.Accepted());

        assertThat(mails(app, earlier)).isEmpty();
    }
}
