package io.portcullis.application.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.application.fakes.FakeIdentityProvider;
import io.portcullis.application.fixtures.ArticleSetup;
import io.portcullis.application.fixtures.UseCases;
import io.portcullis.application.login.LogIn;
import io.portcullis.application.password.ChangePassword;
import io.portcullis.application.port.ExternalIdentity;
import io.portcullis.application.port.ProviderProof;
import io.portcullis.application.port.ProviderUnavailableException;
import io.portcullis.application.registration.RegisterAccount;
import io.portcullis.application.settings.AccountSettings;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.settings.LoginMethod;
import io.portcullis.application.settings.SocialSettings;
import io.portcullis.application.token.TokenPair;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.account.Username;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.password.PasswordPolicy;
import io.portcullis.domain.profile.ProfileSchema;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.social.SocialAccount;
import io.portcullis.domain.validation.FieldInput;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Social login, connect, the list and disconnect, on fakes: every matching rule. */
class SocialLoginTest {

    static final String PASSWORD = "Xq7!vLp2#Rt9";

    /** Login by e-mail, no username, no profile fields. */
    static AccountSettings plain(EmailVerification verification) {
        return new AccountSettings(LoginMethod.EMAIL, true, false, false, true, 1, verification, ProfileSchema.NONE,
                List.of("pk", "email"), PasswordPolicy.djangoDefaults(), 4096, true, false);
    }

    /** Usernames on and required, login by either. */
    static AccountSettings withUsernames() {
        return new AccountSettings(LoginMethod.USERNAME_EMAIL, true, true, true, true, 3, EmailVerification.NONE,
                ProfileSchema.NONE, List.of("pk", "username", "email"), PasswordPolicy.djangoDefaults(), 4096, true,
                false);
    }

    static SocialLogIn.Command code(String provider, String code) {
        return new SocialLogIn.Command(provider, new ProviderProof.AuthorizationCode(code,
                Optional.of("https://app.example.com/callback"), Optional.of("verifier"), Optional.empty()));
    }

    static SocialLogIn.Command accessToken(String provider, String token) {
        return new SocialLogIn.Command(provider, new ProviderProof.AccessToken(token));
    }

    static List<String> nonFieldErrors(Object outcome) {
        return switch (outcome) {
            case SocialLogIn.Outcome.Rejected rejected -> rejected.errors().messagesFor("non_field_errors");
            case ConnectSocialAccount.Outcome.Rejected rejected -> rejected.errors().messagesFor("non_field_errors");
            case DisconnectSocialAccount.Outcome.Refused refused -> refused.errors().messagesFor("non_field_errors");
            default -> throw new AssertionError("not refused: " + outcome);
        };
    }

    static Account registered(UseCases app, String email) {
        var outcome = app.register.register(new RegisterAccount.Command(FieldInput.absent(), FieldInput.of(email),
                FieldInput.of(PASSWORD), FieldInput.of(PASSWORD), Map.of()));
        return ((RegisterAccount.Outcome.Registered) outcome).account();
    }

    @Nested
    class NewIdentities {

        private final UseCases app = new UseCases(plain(EmailVerification.MANDATORY), SocialSettings.defaults());

        @Test
        void an_unknown_identity_with_a_verified_address_creates_a_verified_account_without_password_and_logs_it_in() {
            app.google.accepts("code-1", app.google.identity("g-1", "ann@example.com", true));

            var in = (SocialLogIn.Outcome.LoggedIn) app.socialLogIn.logIn(code("google", "code-1"));

            assertThat(in.signedUp()).isTrue();
            assertThat(in.account().email()).contains(new EmailAddress("ann@example.com"));
            assertThat(in.account().emailVerified()).isTrue();
            assertThat(in.account().passwordHash().usable()).isFalse();
            var claims = app.codec.claimsOf(((TokenPair) in.credentials()).access());
            assertThat(claims.account()).isEqualTo(in.account().id());
            assertThat(app.sessions.isActive(claims.session())).isTrue();
            assertThat(app.socialAccounts.find("google", "g-1")).hasValueSatisfying(link -> {
                assertThat(link.account()).isEqualTo(in.account().id());
                assertThat(link.details()).containsEntry("name", "Person g-1");
            });
            assertThat(app.outbox.all()).isEmpty();
        }

        @Test
        void the_same_identity_logs_the_same_account_in_again() {
            app.google.accepts("code-1", app.google.identity("g-1", "ann@example.com", true));
            app.google.accepts("code-2", app.google.identity("g-1", "ann@example.com", true));
            var first = (SocialLogIn.Outcome.LoggedIn) app.socialLogIn.logIn(code("google", "code-1"));
            app.clock.advance(java.time.Duration.ofMinutes(3));

            var second = (SocialLogIn.Outcome.LoggedIn) app.socialLogIn.logIn(code("google", "code-2"));

            assertThat(second.signedUp()).isFalse();
            assertThat(second.account().id()).isEqualTo(first.account().id());
            assertThat(app.socialAccounts.listByAccount(first.account().id())).singleElement()
                    .satisfies(link -> assertThat(link.lastLogin()).isEqualTo(app.clock.instant()));
            assertThat(app.accounts.findById(first.account().id()).orElseThrow().lastLoginAt())
                    .contains(app.clock.instant());
        }

        @Test
        void an_unverified_address_under_mandatory_verification_creates_the_account_queues_the_mail_and_refuses() {
            app.github.accepts("tok", app.github.identity("1234", "bob@example.com", false));

            var outcome = app.socialLogIn.logIn(accessToken("github", "tok"));

            assertThat(nonFieldErrors(outcome)).containsExactly("E-mail is not verified.");
            Account bob = app.accounts.findByEmail(new EmailAddress("bob@example.com")).orElseThrow();
            assertThat(bob.emailVerified()).isFalse();
            assertThat(app.socialAccounts.find("github", "1234")).isPresent();
            assertThat(app.outbox.all()).singleElement().satisfies(entry -> {
                assertThat(entry.mail().kind()).isEqualTo(MailKind.EMAIL_CONFIRMATION_SIGNUP);
                assertThat(entry.mail().to()).isEqualTo(new EmailAddress("bob@example.com"));
            });
            assertThat(app.sessions.activeSessions(bob.id(), app.clock.instant())).isEmpty();
        }

        @Test
        void optional_verification_lets_an_unverified_address_in_and_still_mails_it() {
            var optional = new UseCases(plain(EmailVerification.OPTIONAL), SocialSettings.defaults());
            optional.github.accepts("tok", optional.github.identity("1234", "bob@example.com", false));

            var in = (SocialLogIn.Outcome.LoggedIn) optional.socialLogIn.logIn(accessToken("github", "tok"));

            assertThat(in.account().emailVerified()).isFalse();
            assertThat(optional.outbox.all()).hasSize(1);
        }

        @Test
        void without_an_address_from_the_provider_the_request_must_bring_one_when_addresses_are_required() {
            app.github.accepts("tok", app.github.identity("77", null, false));
            app.github.accepts("tok2", app.github.identity("77", null, false));

            var missing = (SocialLogIn.Outcome.Rejected) app.socialLogIn.logIn(accessToken("github", "tok"));
            assertThat(missing.errors().byField()).isEqualTo(Map.of("email", List.of("This field is required.")));
            assertThat(app.socialAccounts.find("github", "77")).isEmpty();

            var given = app.socialLogIn.logIn(new SocialLogIn.Command("github", new ProviderProof.AccessToken("tok2"),
                    FieldInput.of("carol@example.com"), Map.of(), List.of(), ClientDetails.unknown()));
            // The address comes from the request, not the provider: it is not verified, so mandatory verification waits.
            assertThat(nonFieldErrors(given)).containsExactly("E-mail is not verified.");
            assertThat(app.accounts.findByEmail(new EmailAddress("carol@example.com")).orElseThrow().emailVerified())
                    .isFalse();
        }

        @Test
        void a_required_profile_field_missing_from_the_request_is_a_field_error_and_creates_nothing() {
            var article = new UseCases(ArticleSetup.settings(), SocialSettings.defaults());
            article.google.accepts("c1", article.google.identity("g-9", "dora@example.com", true));
            article.google.accepts("c2", article.google.identity("g-9", "dora@example.com", true));

            var refused = (SocialLogIn.Outcome.Rejected) article.socialLogIn.logIn(code("google", "c1"));
            assertThat(refused.errors().byField()).containsOnlyKeys("gender", "phone_number");
            assertThat(article.accounts.findByEmail(new EmailAddress("dora@example.com"))).isEmpty();

            var in = (SocialLogIn.Outcome.LoggedIn) article.socialLogIn.logIn(new SocialLogIn.Command("google",
                    new ProviderProof.AuthorizationCode("c2", Optional.empty(), Optional.empty(), Optional.empty()),
                    FieldInput.absent(), Map.of("gender", FieldInput.of("F"), "phone_number", FieldInput.of("+15550001111")),
                    List.of(), ClientDetails.unknown()));
            assertThat(in.account().profile().values()).containsEntry("gender", "F");
        }

        @Test
        void with_usernames_a_free_valid_one_is_made_from_the_identity() {
            var usernames = new UseCases(withUsernames(), SocialSettings.defaults());
            usernames.github.accepts("t1", new ExternalIdentity("github", "1", Optional.of(new EmailAddress("z@example.com")),
                    true, Map.of("name", "Zoë Ångström!")));
            usernames.github.accepts("t2", new ExternalIdentity("github", "2", Optional.of(new EmailAddress("x@example.com")),
                    true, Map.of()));

            var zoe = (SocialLogIn.Outcome.LoggedIn) usernames.socialLogIn.logIn(accessToken("github", "t1"));
            var x = (SocialLogIn.Outcome.LoggedIn) usernames.socialLogIn.logIn(accessToken("github", "t2"));

            // "zoëångström!" loses its accents and punctuation.
            assertThat(zoe.account().username()).contains(new Username("zoeangstrom"));
            // "x" is shorter than the minimum length of 3: padded.
            assertThat(x.account().username()).contains(new Username("x00"));
        }

        @Test
        void a_taken_generated_username_gets_a_number() {
            var usernames = new UseCases(withUsernames(), SocialSettings.defaults());
            usernames.github.accepts("t1", new ExternalIdentity("github", "1", Optional.of(new EmailAddress("a@one.example")),
                    true, Map.of("login", "octocat")));
            usernames.github.accepts("t2", new ExternalIdentity("github", "2", Optional.of(new EmailAddress("b@two.example")),
                    true, Map.of("login", "OctoCat")));

            var first = (SocialLogIn.Outcome.LoggedIn) usernames.socialLogIn.logIn(accessToken("github", "t1"));
            var second = (SocialLogIn.Outcome.LoggedIn) usernames.socialLogIn.logIn(accessToken("github", "t2"));

            assertThat(first.account().username()).contains(new Username("octocat"));
            assertThat(second.account().username()).contains(new Username("octocat2"));
        }

        @Test
        void two_first_logins_of_one_identity_at_once_make_one_account_and_both_log_it_in() {
            var base = new UseCases(plain(EmailVerification.NONE), SocialSettings.defaults());
            base.google.accepts("first", base.google.identity("g-race", "ray@example.com", true));
            base.google.accepts("second", base.google.identity("g-race", "ray@example.com", true));
            var competing = new java.util.concurrent.atomic.AtomicReference<SocialLogIn>();
            var firstOutcome = new java.util.concurrent.atomic.AtomicReference<SocialLogIn.Outcome>();
            // The second request's insert comes just after the first request committed its account and link.
            var racingAccounts = new io.portcullis.application.fakes.InMemoryAccountStore() {
                private boolean raced;

                @Override
                public synchronized Account add(io.portcullis.domain.account.NewAccount account) {
                    if (!raced) {
                        raced = true;
                        firstOutcome.set(competing.get().logIn(code("google", "first")));
                    }
                    return super.add(account);
                }
            };
            var social = new io.portcullis.application.fakes.InMemorySocialAccountStore();
            SocialLogIn logIn = new SocialLogIn(new IdentityProviders(List.of(base.google)), racingAccounts, social,
                    base.issuer, new io.portcullis.application.confirmation.EmailConfirmations(base.keys,
                            base.oneTimeTokens, base.outbox, base.mail), base.keys, base.settings, base.social,
                    base.mail, base.transactions, base.clock,
                    io.portcullis.application.ratelimit.RateLimits.unlimited(), base.audit);
            competing.set(logIn);

            var second = (SocialLogIn.Outcome.LoggedIn) logIn.logIn(code("google", "second"));

            var first = (SocialLogIn.Outcome.LoggedIn) firstOutcome.get();
            assertThat(second.account().id()).isEqualTo(first.account().id());
            assertThat(first.signedUp()).isTrue();
            assertThat(second.signedUp()).isFalse();
            assertThat(social.listByAccount(first.account().id())).hasSize(1);
        }

        @Test
        void with_sign_up_closed_an_unknown_identity_is_refused_and_nothing_is_created() {
            var closed = new UseCases(plain(EmailVerification.NONE), new SocialSettings(false, false));
            closed.google.accepts("c", closed.google.identity("g-1", "ann@example.com", true));

            var outcome = closed.socialLogIn.logIn(code("google", "c"));

            assertThat(nonFieldErrors(outcome)).singleElement().asString()
                    .contains("signing up with it is closed", "connect your google account");
            assertThat(closed.accounts.findByEmail(new EmailAddress("ann@example.com"))).isEmpty();
        }
    }

    @Nested
    class ExistingAddresses {

        @Test
        void auto_connect_off_an_address_of_an_account_is_never_enough_even_verified() {
            var app = new UseCases(plain(EmailVerification.NONE), SocialSettings.defaults());
            Account ann = registered(app, "ann@example.com");
            app.google.accepts("c", app.google.identity("g-1", "ANN@example.com", true));

            var outcome = app.socialLogIn.logIn(code("google", "c"));

            assertThat(nonFieldErrors(outcome)).containsExactly("An account already exists with this e-mail address."
                    + " Please sign in to that account first, then connect your google account.");
            assertThat(app.socialAccounts.listByAccount(ann.id())).isEmpty();
        }

        @Test
        void auto_connect_on_a_verified_address_links_the_account_and_logs_it_in() {
            var app = new UseCases(plain(EmailVerification.MANDATORY), new SocialSettings(true, true));
            Account ann = registered(app, "ann@example.com");
            app.google.accepts("c", app.google.identity("g-1", "Ann@Example.com", true));

            var in = (SocialLogIn.Outcome.LoggedIn) app.socialLogIn.logIn(code("google", "c"));

            assertThat(in.account().id()).isEqualTo(ann.id());
            assertThat(in.signedUp()).isFalse();
            // The provider vouched for the address the account had not confirmed yet.
            assertThat(in.account().emailVerified()).isTrue();
            assertThat(app.accounts.findById(ann.id()).orElseThrow().emailVerified()).isTrue();
            assertThat(app.socialAccounts.find("google", "g-1").map(SocialAccount::account)).contains(ann.id());
            // The password still works: connecting took nothing away.
            assertThat(app.logIn.logIn(new LogIn.Command(FieldInput.absent(), FieldInput.of("ann@example.com"),
                    FieldInput.of(PASSWORD)))).isInstanceOf(LogIn.Outcome.LoggedIn.class);
        }

        @Test
        void auto_connect_on_an_unverified_address_is_still_refused() {
            var app = new UseCases(plain(EmailVerification.NONE), new SocialSettings(true, true));
            Account ann = registered(app, "ann@example.com");
            app.github.accepts("t", app.github.identity("5", "ann@example.com", false));

            assertThat(nonFieldErrors(app.socialLogIn.logIn(accessToken("github", "t"))))
                    .singleElement().asString().startsWith("An account already exists");
            assertThat(app.socialAccounts.listByAccount(ann.id())).isEmpty();
        }

        @Test
        void an_inactive_account_is_refused_whether_linked_or_auto_connected() {
            var app = new UseCases(plain(EmailVerification.NONE), new SocialSettings(true, true));
            app.google.accepts("c1", app.google.identity("g-1", "ann@example.com", true));
            app.google.accepts("c2", app.google.identity("g-1", "ann@example.com", true));
            var in = (SocialLogIn.Outcome.LoggedIn) app.socialLogIn.logIn(code("google", "c1"));
            app.accounts.update(app.accounts.findById(in.account().id()).orElseThrow().deactivated());

            assertThat(nonFieldErrors(app.socialLogIn.logIn(code("google", "c2")))).containsExactly("This account is inactive.");

            Account bob = registered(app, "bob@example.com");
            app.accounts.update(app.accounts.findById(bob.id()).orElseThrow().deactivated());
            app.github.accepts("t", app.github.identity("9", "bob@example.com", true));
            assertThat(nonFieldErrors(app.socialLogIn.logIn(accessToken("github", "t")))).containsExactly("This account is inactive.");
            assertThat(app.socialAccounts.listByAccount(bob.id())).isEmpty();
        }
    }

    @Nested
    class ProviderAnswers {

        private final UseCases app = new UseCases(plain(EmailVerification.NONE), SocialSettings.defaults());

        @Test
        void a_rejected_proof_is_refused_with_the_providers_reason_and_writes_nothing() {
            var outcome = app.socialLogIn.logIn(code("google", "never-issued"));

            assertThat(nonFieldErrors(outcome)).containsExactly(FakeIdentityProvider.CODE_USED);
            assertThat(app.accounts.findById(new io.portcullis.domain.account.AccountId(1))).isEmpty();
        }

        @Test
        void a_wrong_nonce_is_refused() {
            app.google.accepts("id-token", app.google.identity("g-1", "ann@example.com", true), "n-0S6");

            var outcome = app.socialLogIn.logIn(new SocialLogIn.Command("google",
                    new ProviderProof.IdToken("id-token", Optional.of("another"))));

            assertThat(nonFieldErrors(outcome)).containsExactly(FakeIdentityProvider.WRONG_NONCE);
            assertThat(app.socialLogIn.logIn(new SocialLogIn.Command("google",
                    new ProviderProof.IdToken("id-token", Optional.of("n-0S6")))))
                    .isInstanceOf(SocialLogIn.Outcome.LoggedIn.class);
        }

        @Test
        void a_provider_that_is_down_surfaces_as_unavailable_and_nothing_is_written() {
            app.github.goDown();

            assertThatThrownBy(() -> app.socialLogIn.logIn(accessToken("github", "t")))
                    .isInstanceOfSatisfying(ProviderUnavailableException.class,
                            e -> assertThat(e.provider()).isEqualTo("github"));
            assertThat(app.accounts.findById(new io.portcullis.domain.account.AccountId(1))).isEmpty();
        }

        @Test
        void an_unknown_provider_is_said_so_and_asks_nobody() {
            assertThat(app.socialLogIn.logIn(code("facebook", "c"))).isInstanceOf(SocialLogIn.Outcome.UnknownProvider.class);
            assertThat(app.google.shown()).isEmpty();
        }
    }

    @Nested
    class PasswordsOfSocialAccounts {

        private final UseCases app = new UseCases(plain(EmailVerification.NONE), SocialSettings.defaults());

        private Account socialOnly() {
            app.google.accepts("c", app.google.identity("g-1", "ann@example.com", true));
            return ((SocialLogIn.Outcome.LoggedIn) app.socialLogIn.logIn(code("google", "c"))).account();
        }

        @Test
        void a_password_login_is_refused_like_a_wrong_password_and_costs_one_hash_check() {
            socialOnly();
            int before = app.hasher.checks();

            var outcome = (LogIn.Outcome.Rejected) app.logIn.logIn(new LogIn.Command(FieldInput.absent(),
                    FieldInput.of("ann@example.com"), FieldInput.of("!" + "anything")));

            assertThat(outcome.errors().messagesFor("non_field_errors"))
                    .containsExactly("Unable to log in with provided credentials.");
            assertThat(app.hasher.checks() - before).isEqualTo(1);
        }

        @Test
        void the_unusable_hash_itself_is_no_password() {
            Account ann = socialOnly();

            var outcome = app.logIn.logIn(new LogIn.Command(FieldInput.absent(), FieldInput.of("ann@example.com"),
                    FieldInput.of(ann.passwordHash().encoded().substring(1))));

            assertThat(outcome).isInstanceOf(LogIn.Outcome.Rejected.class);
        }

        @Test
        void the_first_password_is_set_without_an_old_one_and_then_login_by_password_works() {
            Account ann = socialOnly();

            var changed = app.changePassword.change(new ChangePassword.Command(ann.id(), FieldInput.absent(),
                    FieldInput.of(PASSWORD), FieldInput.of(PASSWORD)));

            assertThat(changed).isInstanceOf(ChangePassword.Outcome.Changed.class);
            assertThat(app.logIn.logIn(new LogIn.Command(FieldInput.absent(), FieldInput.of("ann@example.com"),
                    FieldInput.of(PASSWORD)))).isInstanceOf(LogIn.Outcome.LoggedIn.class);
            // From now on the old password is asked for again.
            var again = (ChangePassword.Outcome.Rejected) app.changePassword.change(new ChangePassword.Command(ann.id(),
                    FieldInput.absent(), FieldInput.of("Another#Pass9"), FieldInput.of("Another#Pass9")));
            assertThat(again.errors().byField()).containsKey("old_password");
        }
    }

    @Nested
    class ConnectListDisconnect {

        private final UseCases app = new UseCases(plain(EmailVerification.NONE), SocialSettings.defaults());

        private ConnectSocialAccount.Outcome connect(Account account, String provider, String token) {
            return app.connectSocial.connect(new ConnectSocialAccount.Command(account.id(), provider,
                    new ProviderProof.AccessToken(token), ClientDetails.unknown()));
        }

        @Test
        void a_logged_in_user_connects_an_identity_whatever_its_address_and_gets_a_new_session() {
            Account ann = registered(app, "ann@example.com");
            app.github.accepts("t", app.github.identity("42", "ann.work@corp.example", false));

            var connected = (ConnectSocialAccount.Outcome.Connected) connect(ann, "github", "t");

            assertThat(connected.link().account()).isEqualTo(ann.id());
            assertThat(connected.link().uid()).isEqualTo("42");
            assertThat(app.codec.claimsOf(((TokenPair) connected.credentials()).access()).account()).isEqualTo(ann.id());
            assertThat(app.listSocial.list(ann.id())).containsExactly(connected.link());
        }

        @Test
        void an_identity_of_another_account_is_refused_and_one_of_the_caller_stays() {
            Account ann = registered(app, "ann@example.com");
            Account bob = registered(app, "bob@example.com");
            app.github.accepts("t", app.github.identity("42", null, false));
            connect(ann, "github", "t");

            assertThat(nonFieldErrors(connect(bob, "github", "t")))
                    .containsExactly("The social account is already connected to a different account.");
            assertThat(connect(ann, "github", "t")).isInstanceOf(ConnectSocialAccount.Outcome.Connected.class);
            assertThat(app.listSocial.list(ann.id())).hasSize(1);
            assertThat(app.listSocial.list(bob.id())).isEmpty();
        }

        @Test
        void connect_rejections_unknown_providers_and_outages_are_told_apart() {
            Account ann = registered(app, "ann@example.com");

            assertThat(nonFieldErrors(connect(ann, "github", "unknown"))).containsExactly(FakeIdentityProvider.UNKNOWN_PROOF);
            assertThat(connect(ann, "twitter", "t")).isInstanceOf(ConnectSocialAccount.Outcome.UnknownProvider.class);
            app.github.goDown();
            assertThatThrownBy(() -> connect(ann, "github", "t")).isInstanceOf(ProviderUnavailableException.class);
        }

        @Test
        void disconnect_removes_a_link_of_the_caller_only() {
            Account ann = registered(app, "ann@example.com");
            Account bob = registered(app, "bob@example.com");
            app.github.accepts("t", app.github.identity("42", null, false));
            var link = ((ConnectSocialAccount.Outcome.Connected) connect(ann, "github", "t")).link();
            String id = Long.toString(link.id());

            assertThat(app.disconnectSocial.disconnect(new DisconnectSocialAccount.Command(bob.id(), id)))
                    .isInstanceOf(DisconnectSocialAccount.Outcome.NotFound.class);
            assertThat(app.disconnectSocial.disconnect(new DisconnectSocialAccount.Command(ann.id(), "not-a-number")))
                    .isInstanceOf(DisconnectSocialAccount.Outcome.NotFound.class);
            assertThat(app.disconnectSocial.disconnect(new DisconnectSocialAccount.Command(ann.id(), id)))
                    .isEqualTo(new DisconnectSocialAccount.Outcome.Disconnected(link));
            assertThat(app.listSocial.list(ann.id())).isEmpty();
            assertThat(app.disconnectSocial.disconnect(new DisconnectSocialAccount.Command(ann.id(), id)))
                    .isInstanceOf(DisconnectSocialAccount.Outcome.NotFound.class);
        }

        @Test
        void the_last_way_into_an_account_without_password_stays_until_a_password_is_set() {
            app.google.accepts("c", app.google.identity("g-1", "ann@example.com", true));
            Account ann = ((SocialLogIn.Outcome.LoggedIn) app.socialLogIn.logIn(code("google", "c"))).account();
            app.github.accepts("t", app.github.identity("42", null, false));
            var github = ((ConnectSocialAccount.Outcome.Connected) connect(ann, "github", "t")).link();
            SocialAccount google = app.socialAccounts.find("google", "g-1").orElseThrow();

            // Two ways in: one may go.
            assertThat(app.disconnectSocial.disconnect(new DisconnectSocialAccount.Command(ann.id(),
                    Long.toString(github.id())))).isInstanceOf(DisconnectSocialAccount.Outcome.Disconnected.class);
            // The last one may not.
            var refused = app.disconnectSocial.disconnect(new DisconnectSocialAccount.Command(ann.id(),
                    Long.toString(google.id())));
            assertThat(nonFieldErrors(refused)).singleElement().asString().startsWith("Your account has no password set up");
            assertThat(app.listSocial.list(ann.id())).containsExactly(google);

            app.changePassword.change(new ChangePassword.Command(ann.id(), FieldInput.absent(), FieldInput.of(PASSWORD),
                    FieldInput.of(PASSWORD)));
            assertThat(app.disconnectSocial.disconnect(new DisconnectSocialAccount.Command(ann.id(),
                    Long.toString(google.id())))).isInstanceOf(DisconnectSocialAccount.Outcome.Disconnected.class);
        }
    }

    @Nested
    class AuditTrail {

        private final UseCases app = new UseCases(plain(EmailVerification.NONE), SocialSettings.defaults());

        private List<String> trail() {
            return app.audit.events().stream()
                    .map(e -> e.type().code() + ":" + e.outcome().code() + e.reason().map(r -> ":" + r).orElse(""))
                    .toList();
        }

        @Test
        void a_sign_up_creates_links_and_logs_in_and_a_later_login_logs_in() {
            app.google.accepts("c1", app.google.identity("g-1", "ann@example.com", true));
            app.google.accepts("c2", app.google.identity("g-1", "ann@example.com", true));

            var in = (SocialLogIn.Outcome.LoggedIn) app.socialLogIn.logIn(code("google", "c1"));
            app.socialLogIn.logIn(code("google", "c2"));

            assertThat(trail()).containsExactly("account_created:succeeded", "social_account_connected:succeeded",
                    "login_succeeded:succeeded", "login_succeeded:succeeded");
            assertThat(app.audit.events()).allSatisfy(e -> assertThat(e.account()).contains(in.account().id()));
        }

        @Test
        void refusals_say_why_and_name_an_account_only_when_one_is_concerned() {
            Account bob = registered(app, "bob@example.com");
            app.audit.clear();
            app.github.accepts("t", app.github.identity("9", "bob@example.com", true));

            app.socialLogIn.logIn(code("google", "unknown-code"));
            app.socialLogIn.logIn(accessToken("github", "t"));
            app.github.goDown();
            assertThatThrownBy(() -> app.socialLogIn.logIn(accessToken("github", "t")))
                    .isInstanceOf(ProviderUnavailableException.class);

            assertThat(trail()).containsExactly("login_failed:failed:provider_refused",
                    "login_failed:failed:address_taken", "login_failed:failed:provider_unavailable");
            assertThat(app.audit.events().get(0).account()).isEmpty();
            assertThat(app.audit.events().get(1).account()).contains(bob.id());
        }

        @Test
        void connect_and_disconnect_are_recorded_with_their_refusals() {
            Account ann = registered(app, "ann@example.com");
            Account bob = registered(app, "bob@example.com");
            app.github.accepts("t", app.github.identity("42", null, false));
            app.audit.clear();

            var link = ((ConnectSocialAccount.Outcome.Connected) app.connectSocial.connect(
                    new ConnectSocialAccount.Command(ann.id(), "github", new ProviderProof.AccessToken("t"),
                            ClientDetails.unknown()))).link();
            app.connectSocial.connect(new ConnectSocialAccount.Command(bob.id(), "github",
                    new ProviderProof.AccessToken("t"), ClientDetails.unknown()));
            app.disconnectSocial.disconnect(new DisconnectSocialAccount.Command(ann.id(), Long.toString(link.id())));

            assertThat(trail()).containsExactly("social_account_connected:succeeded", "login_succeeded:succeeded",
                    "social_account_connected:failed:connected_elsewhere", "social_account_disconnected:succeeded");
            assertThat(app.audit.events().get(2).account()).contains(bob.id());
        }

        @Test
        void the_refused_removal_of_the_last_way_in_is_recorded() {
            app.google.accepts("c", app.google.identity("g-1", "ann@example.com", true));
            Account ann = ((SocialLogIn.Outcome.LoggedIn) app.socialLogIn.logIn(code("google", "c"))).account();
            long id = app.listSocial.list(ann.id()).getFirst().id();
            app.audit.clear();

            app.disconnectSocial.disconnect(new DisconnectSocialAccount.Command(ann.id(), Long.toString(id)));

            assertThat(trail()).containsExactly("social_account_disconnected:failed:last_way_in");
        }
    }
}
