package io.portcullis.application.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.ratelimit.RateLimits;
import io.portcullis.application.fakes.DirectTransactionRunner;
import io.portcullis.application.fakes.InMemoryAccountStore;
import io.portcullis.application.fixtures.ArticleSetup;
import io.portcullis.application.fixtures.UseCases;
import io.portcullis.application.port.DuplicateAccountException;
import io.portcullis.application.settings.EnumerationProtection;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.settings.TokenSettings;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.account.NewAccount;
import io.portcullis.domain.validation.FieldInput;
import io.portcullis.domain.validation.ValidationErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegisterAccountTest {

    private final UseCases app = new UseCases();

    static RegisterAccount.Command form(String email, String password1, String password2, String gender, String phone) {
        return new RegisterAccount.Command(FieldInput.absent(), FieldInput.of(email), FieldInput.of(password1),
                FieldInput.of(password2), Map.of("gender", FieldInput.of(gender), "phone_number", FieldInput.of(phone)));
    }

    static RegisterAccount.Command alice() {
        return form("alice@example.com", "Xq7!vLp2#Rt9", "Xq7!vLp2#Rt9", "F", "+15550001111");
    }

    private Map<String, List<String>> errorsOf(RegisterAccount.Outcome outcome) {
        assertThat(outcome).isInstanceOf(RegisterAccount.Outcome.Rejected.class);
        return ((RegisterAccount.Outcome.Rejected) outcome).errors().byField();
    }

    @Test
    void createsAnAccountAndLogsItInWhenNoVerificationIsNeeded() {
        var outcome = (RegisterAccount.Outcome.Registered) app.register.register(alice());
        assertThat(outcome.account().email()).contains(new EmailAddress("alice@example.com"));
        assertThat(outcome.account().profile().values())
                .containsExactly(Map.entry("gender", "F"), Map.entry("phone_number", "+15550001111"));
        assertThat(outcome.tokens()).isPresent();
        assertThat(app.hasher.matches("Xq7!vLp2#Rt9", outcome.account().passwordHash())).isTrue();
        var claims = app.codec.claimsOf(outcome.tokens().get().access());
        assertThat(claims.account()).isEqualTo(outcome.account().id());
        assertThat(app.sessions.isActive(claims.session())).isTrue();
    }

    @Test
    void withMandatoryVerificationNoTokensAreIssued() {
        var mandatory = new UseCases(ArticleSetup.settings(EmailVerification.MANDATORY, false),
                TokenSettings.simpleJwtDefaults());
        var outcome = (RegisterAccount.Outcome.Registered) mandatory.register.register(alice());
        assertThat(outcome.tokens()).isEmpty();
        assertThat(outcome.account().emailVerified()).isFalse();
    }

    @Test
    void refusesAnAddressTakenInAnyLetterCase() {
        app.register.register(alice());
        var again = form("ALICE@Example.COM", "Xq7!vLp2#Rt9", "Xq7!vLp2#Rt9", "F", "+15550001111");
        assertThat(errorsOf(app.register.register(again)))
                .containsExactly(Map.entry("email", List.of("A user is already registered with this e-mail address.")));
    }

    @Test
    void keepsTheAddressAsGiven() {
        var mixed = form("Carol.Mixed@Example.COM", "Xq7!vLp2#Rt9", "Xq7!vLp2#Rt9", "F", "+1");
        var outcome = (RegisterAccount.Outcome.Registered) app.register.register(mixed);
        assertThat(outcome.account().email().get().value()).isEqualTo("Carol.Mixed@Example.COM");
    }

    @Test
    void reportsEveryMissingFieldInSerializerOrder() {
        var empty = new RegisterAccount.Command(FieldInput.absent(), FieldInput.absent(), FieldInput.absent(),
                FieldInput.absent(), Map.of());
        assertThat(errorsOf(app.register.register(empty))).containsExactly(
                Map.entry("email", List.of("This field is required.")),
                Map.entry("password1", List.of("This field is required.")),
                Map.entry("password2", List.of("This field is required.")),
                Map.entry("gender", List.of("This field is required.")),
                Map.entry("phone_number", List.of("This field is required.")));
    }

    @Test
    void reportsBlankFieldsLikeTheReference() {
        assertThat(errorsOf(app.register.register(form("", "", "", "", "")))).containsExactly(
                Map.entry("email", List.of("This field may not be blank.")),
                Map.entry("password1", List.of("This field may not be blank.")),
                Map.entry("password2", List.of("This field may not be blank.")),
                Map.entry("gender", List.of("\"\" is not a valid choice.")),
                Map.entry("phone_number", List.of("This field may not be blank.")));
    }

    @Test
    void reportsNullFields() {
        var nulls = new RegisterAccount.Command(FieldInput.absent(), FieldInput.nullValue(), FieldInput.nullValue(),
                FieldInput.nullValue(), Map.of("gender", FieldInput.nullValue(), "phone_number", FieldInput.nullValue()));
        assertThat(errorsOf(app.register.register(nulls)).values())
                .allSatisfy(messages -> assertThat(messages).containsExactly("This field may not be null."));
    }

    @Test
    void reportsInvalidEmailChoiceAndLength() {
        var bad = form("not-an-email", "Xq7!vLp2#Rt9", "Xq7!vLp2#Rt9", "X", "1".repeat(31));
        assertThat(errorsOf(app.register.register(bad))).containsExactly(
                Map.entry("email", List.of("Enter a valid email address.")),
                Map.entry("gender", List.of("\"X\" is not a valid choice.")),
                Map.entry("phone_number", List.of("Ensure this field has no more than 30 characters.")));
    }

    @Test
    void aUsernameIsRefusedWhenAccountsHaveNone() {
        var withUsername = new RegisterAccount.Command(FieldInput.of("bob"), FieldInput.of("bob@example.com"),
                FieldInput.of("Xq7!vLp2#Rt9"), FieldInput.of("Xq7!vLp2#Rt9"),
                Map.of("gender", FieldInput.of("M"), "phone_number", FieldInput.of("1")));
        assertThat(errorsOf(app.register.register(withUsername)))
                .containsExactly(Map.entry("username", List.of("Ensure this field has no more than 0 characters.")));
    }

    @Test
    void mismatchedPasswordsAreANonFieldError() {
        var mismatch = form("m1@example.com", "Xq7!vLp2#Rt9", "Xq7!vLp2#Rt0", "F", "1");
        assertThat(errorsOf(app.register.register(mismatch)))
                .containsExactly(Map.entry("non_field_errors", List.of("The two password fields didn't match.")));
    }

    @Test
    void fieldErrorsHideTheMismatch() {
        assertThat(errorsOf(app.register.register(form("m7@example.com", "123", "456", "F", "1")))).containsExactly(
                Map.entry("password1", List.of(
                        "This password is too short. It must contain at least 8 characters.",
                        "This password is too common.",
                        "This password is entirely numeric.")));
    }

    @Test
    void aPasswordLikeTheAddressIsANonFieldError() {
        var similar = form("johnsmith@example.com", "johnsmith1", "johnsmith1", "F", "1");
        assertThat(errorsOf(app.register.register(similar))).containsExactly(
                Map.entry("non_field_errors", List.of("The password is too similar to the email address.")));
    }

    @Test
    void losingTheRaceToAnotherRegistrationIsTheDuplicateError() {
        // The check passes, then the insert finds that a concurrent request took the address.
        var racing = new InMemoryAccountStore() {
            @Override
            public synchronized boolean emailTaken(EmailAddress email) {
                return false;
            }

            @Override
            public synchronized io.portcullis.domain.account.Account add(NewAccount account) {
                throw new DuplicateAccountException(DuplicateAccountException.Attribute.EMAIL);
            }
        };
        var confirmations = new io.portcullis.application.confirmation.EmailConfirmations(
                app.keys, app.oneTimeTokens, app.outbox, app.mail);
        var register = new RegisterAccount(racing, app.hasher, app.issuer, confirmations, app.outbox, app.settings,
                app.mail, EnumerationProtection.OFF, new DirectTransactionRunner(), app.clock, RateLimits.unlimited(),
                app.audit);
        assertThat(errorsOf(register.register(alice())))
                .containsExactly(Map.entry("email", List.of("A user is already registered with this e-mail address.")));
    }

    @Test
    void numbersArriveAsTextAndOtherShapesAreRefused() {
        var profile = new LinkedHashMap<String, FieldInput>();
        profile.put("gender", new FieldInput.NotText("['F']"));
        profile.put("phone_number", FieldInput.of("5550001111"));
        var form = new RegisterAccount.Command(FieldInput.absent(), new FieldInput.NotText("true"),
                FieldInput.of("Xq7!vLp2#Rt9"), FieldInput.of("Xq7!vLp2#Rt9"), profile);
        assertThat(errorsOf(app.register.register(form))).containsExactly(
                Map.entry("email", List.of("Not a valid string.")),
                Map.entry("gender", List.of("\"['F']\" is not a valid choice.")));
    }

    @Test
    void errorsOfTheSameFormAreStable() {
        ValidationErrors first = ((RegisterAccount.Outcome.Rejected) app.register.register(form("", "", "", "", ""))).errors();
        ValidationErrors second = ((RegisterAccount.Outcome.Rejected) app.register.register(form("", "", "", "", ""))).errors();
        assertThat(first).isEqualTo(second);
    }
}
