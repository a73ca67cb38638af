package io.portcullis.adapters.mail.template;

import static io.portcullis.adapters.mail.MailFixtures.ACTIVATE_URL;
import static io.portcullis.adapters.mail.MailFixtures.RESET_URL;
import static io.portcullis.adapters.mail.MailFixtures.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.adapters.mail.sender.RenderedMail;
import io.portcullis.domain.mail.MailKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MailTemplatesTest {

    private final MailTemplates builtIn = MailTemplates.builtIn("example.com");

    @TempDir
    Path overrides;

    private MailTemplates withOverrides() {
        return new MailTemplates(Optional.of(overrides), "[example.com] ");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(overrides.resolve(name), content, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(value = MailKind.class, names = {"EMAIL_CONFIRMATION", "EMAIL_CONFIRMATION_SIGNUP"})
    void confirmation_mails_match_the_reference(MailKind kind) {
        RenderedMail rendered = builtIn.render(mail(kind, "en"));

        assertThat(rendered.subject()).isEqualTo("[example.com] Please Confirm Your E-mail Address");
        assertThat(rendered.text()).isEqualTo("""
                Hello from example.com!

                You're receiving this e-mail because user alice@example.com has given your e-mail address \
                to register an account on example.com.

                To confirm this is correct, go to %s

                Thank you for using example.com!
                example.com
                """.formatted(ACTIVATE_URL));
        assertThat(rendered.html()).isEmpty();
        assertThat(rendered.to().value()).isEqualTo("alice@example.com");
    }

    @Test
    void the_reset_mail_matches_the_reference() {
        RenderedMail rendered = builtIn.render(mail(MailKind.PASSWORD_RESET, "en"));

        assertThat(rendered.subject()).isEqualTo("[example.com] Password Reset E-mail");
        assertThat(rendered.text()).isEqualTo("""
                Hello from example.com!

                You're receiving this e-mail because you or someone else has requested a password for your user account.
                It can be safely ignored if you did not request a password reset. Click the link below to reset your password.

                %s

                Thank you for using example.com!
                example.com
                """.formatted(RESET_URL));
    }

    @Test
    void the_reset_mail_names_the_username_when_the_account_has_one() {
        RenderedMail rendered = builtIn.render(mail(MailKind.PASSWORD_RESET, "en", "alice@example.com",
                Map.of("username", "alice")));

        assertThat(rendered.text()).contains(RESET_URL + "\n\nIn case you forgot, your username is alice.\n\nThank you");
    }

    @Test
    void the_notices_have_their_subjects_and_texts() {
        RenderedMail changed = builtIn.render(mail(MailKind.PASSWORD_CHANGED, "en"));
        RenderedMail exists = builtIn.render(mail(MailKind.ACCOUNT_ALREADY_EXISTS, "en"));
        RenderedMail existsWithLink = builtIn.render(mail(MailKind.ACCOUNT_ALREADY_EXISTS, "en", "alice@example.com",
                Map.of("password_reset_url", RESET_URL)));

        assertThat(changed.subject()).isEqualTo("[example.com] Password Changed");
        assertThat(changed.text()).startsWith("Hello from example.com!\n\n").contains("Your password has been changed.")
                .endsWith("Thank you for using example.com!\nexample.com\n");
        assertThat(exists.subject()).isEqualTo("[example.com] Account Already Exists");
        assertThat(exists.text()).contains("alice@example.com").contains("log in").contains("password reset")
                .doesNotContain("http").doesNotContain("[#").doesNotContain("[/]");
        assertThat(existsWithLink.text()).contains("recover your account.\n\n" + RESET_URL + "\n\nIf it was not you");
    }

    @Test
    void the_subject_prefix_is_configurable_and_the_subject_one_line() throws IOException {
        write("password_changed_subject.txt", "  Your password\nwas changed  \n\n");
        var templates = new MailTemplates(Optional.of(overrides), "");

        assertThat(templates.render(mail(MailKind.PASSWORD_CHANGED, "en")).subject())
                .isEqualTo("Your password was changed");
        assertThat(new MailTemplates(Optional.empty(), "Portcullis: ")
                .render(mail(MailKind.PASSWORD_RESET, "en")).subject()).isEqualTo("Portcullis: Password Reset E-mail");
    }

    @Test
    void a_line_break_in_a_subject_variable_does_not_reach_the_header() throws IOException {
        RenderedMail rendered = builtIn.render(mail(MailKind.PASSWORD_CHANGED, "en", "alice@example.com",
                Map.of("site_name", "evil\r\nBcc: victim@example.org")));

        assertThat(rendered.subject()).doesNotContain("\r").doesNotContain("\n");
    }

    @ParameterizedTest
    @EnumSource(MailKind.class)
    void every_kind_is_translated_into_german(MailKind kind) {
        RenderedMail german = builtIn.render(mail(kind, "de"));
        RenderedMail english = builtIn.render(mail(kind, "en"));

        assertThat(german.subject()).startsWith("[example.com] ").isNotEqualTo(english.subject());
        assertThat(german.text()).startsWith("Hallo von example.com!\n\n")
                .endsWith("Vielen Dank, dass Sie example.com nutzen!\nexample.com\n");
    }

    @Test
    void german_is_chosen_for_de_and_its_regions_and_english_is_the_fallback() {
        assertThat(builtIn.render(mail(MailKind.EMAIL_CONFIRMATION, "de")).subject())
                .isEqualTo("[example.com] Bitte bestätigen Sie Ihre E-Mail-Adresse");
        assertThat(builtIn.render(mail(MailKind.EMAIL_CONFIRMATION, "de-AT")).text())
                .contains("Um zu bestätigen, dass dies richtig ist, rufen Sie " + ACTIVATE_URL + " auf");
        assertThat(builtIn.render(mail(MailKind.EMAIL_CONFIRMATION, "fr")).subject())
                .isEqualTo("[example.com] Please Confirm Your E-mail Address");
        assertThat(builtIn.render(mail(MailKind.EMAIL_CONFIRMATION, "")).text()).startsWith("Hello from");
        assertThat(builtIn.render(mail(MailKind.EMAIL_CONFIRMATION, "../../etc/passwd")).text()).startsWith("Hello from");
    }

    @Test
    void language_candidates_go_from_specific_to_general() {
        assertThat(MailTemplates.languageCandidates("de-at")).containsExactly("de_AT", "de");
        assertThat(MailTemplates.languageCandidates("pt_BR")).containsExactly("pt_BR", "pt");
        assertThat(MailTemplates.languageCandidates("DE")).containsExactly("de");
        assertThat(MailTemplates.languageCandidates("de/../x")).isEmpty();
        assertThat(MailTemplates.languageCandidates("")).isEmpty();
    }

    @Test
    void an_override_file_replaces_the_built_in_one_and_changes_are_seen() throws IOException {
        var templates = withOverrides();
        assertThat(templates.render(mail(MailKind.EMAIL_CONFIRMATION_SIGNUP, "en")).text()).startsWith("Hello from");

        write("email_confirmation_signup_message.txt", "Welcome! Confirm here: [(${activate_url})]\n");
        assertThat(templates.render(mail(MailKind.EMAIL_CONFIRMATION_SIGNUP, "en")).text())
                .isEqualTo("Welcome! Confirm here: " + ACTIVATE_URL + "\n");

        write("email_confirmation_signup_message.txt", "Second version, same length!! [(${activate_url})]\n");
        assertThat(templates.render(mail(MailKind.EMAIL_CONFIRMATION_SIGNUP, "en")).text())
                .isEqualTo("Second version, same length!! " + ACTIVATE_URL + "\n");

        // The other kinds and the subject keep their built-in templates.
        assertThat(templates.render(mail(MailKind.EMAIL_CONFIRMATION_SIGNUP, "en")).subject())
                .isEqualTo("[example.com] Please Confirm Your E-mail Address");
        assertThat(templates.render(mail(MailKind.EMAIL_CONFIRMATION, "en")).text()).startsWith("Hello from");

        write("email_confirmation_signup_subject.txt", "Welcome to [(${site_name})]");
        assertThat(templates.render(mail(MailKind.EMAIL_CONFIRMATION_SIGNUP, "en")).subject())
                .isEqualTo("[example.com] Welcome to example.com");

        Files.delete(overrides.resolve("email_confirmation_signup_message.txt"));
        assertThat(templates.render(mail(MailKind.EMAIL_CONFIRMATION_SIGNUP, "en")).text()).startsWith("Hello from");
    }

    @Test
    void the_lookup_prefers_override_language_then_override_plain_then_built_in_language() throws IOException {
        var templates = withOverrides();
        write("password_changed_message.txt", "override plain\n");
        assertThat(templates.render(mail(MailKind.PASSWORD_CHANGED, "de")).text()).isEqualTo("override plain\n");

        write("password_changed_message_de.txt", "override de\n");
        assertThat(templates.render(mail(MailKind.PASSWORD_CHANGED, "de")).text()).isEqualTo("override de\n");
        assertThat(templates.render(mail(MailKind.PASSWORD_CHANGED, "de-CH")).text()).isEqualTo("override de\n");
        assertThat(templates.render(mail(MailKind.PASSWORD_CHANGED, "fr")).text()).isEqualTo("override plain\n");

        write("password_changed_message_de_CH.txt", "override de_CH\n");
        assertThat(templates.render(mail(MailKind.PASSWORD_CHANGED, "de-ch")).text()).isEqualTo("override de_CH\n");
        assertThat(templates.languages()).containsExactly("de", "de_CH");
    }

    @Test
    void the_articles_django_name_replaces_the_reset_message() throws IOException {
        var templates = withOverrides();
        write("password_reset_email.txt", "Reset for [(${site_name})]: [(${password_reset_url})] (uid [(${uid})], token [(${token})])\n");
        write("password_reset_email.html", "<p>Reset: <a th:href=\"${password_reset_url}\" th:text=\"${password_reset_url}\">link</a></p>\n");

        RenderedMail rendered = templates.render(mail(MailKind.PASSWORD_RESET, "en"));

        assertThat(rendered.text()).isEqualTo("Reset for example.com: " + RESET_URL
                + " (uid 1, token discif-0b5d6e333b1672a9c37fc0589eea0cbf)\n");
        assertThat(rendered.html()).hasValueSatisfying(html ->
                assertThat(html).contains("<a href=\"" + RESET_URL + "\">" + RESET_URL + "</a>"));
        assertThat(rendered.subject()).isEqualTo("[example.com] Password Reset E-mail");
        assertThatCode(templates::validate).doesNotThrowAnyException();

        // Portcullis' own name wins over Django's.
        write("password_reset_key_message.txt", "own name [(${password_reset_url})]\n");
        assertThat(templates.render(mail(MailKind.PASSWORD_RESET, "en")).text()).startsWith("own name");
    }

    @Test
    void an_html_template_adds_an_html_part_with_escaped_values_while_the_text_stays_raw() throws IOException {
        var templates = withOverrides();
        write("email_confirmation_message.html", """
                <html><body><p>Hello <b th:text="${user_display}">user</b>,</p>
                <p><a th:href="${activate_url}">Confirm</a> [[${site_name}]]</p></body></html>
                """);
        var mail = mail(MailKind.EMAIL_CONFIRMATION, "en", "alice@example.com",
                Map.of("user_display", "<script>alert('x')</script>", "site_name", "A & B"));

        RenderedMail rendered = templates.render(mail);

        assertThat(rendered.html()).hasValueSatisfying(html -> assertThat(html)
                .contains("<b>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</b>")
                .contains("<a href=\"" + ACTIVATE_URL + "\">Confirm</a> A &amp; B")
                .doesNotContain("<script>"));
        assertThat(rendered.text()).contains("because user <script>alert('x')</script> has given");
        assertThat(rendered.subject()).isEqualTo("[example.com] Please Confirm Your E-mail Address");
    }

    @Test
    void template_syntax_in_a_value_is_printed_not_evaluated() throws IOException {
        var templates = withOverrides();
        write("password_changed_message.html", "<p th:text=\"${user_display}\"></p><p>[[${username}]]</p>");
        String[] payloads = {"[(${7*7})]", "${7*7}", "__${7*7}__", "[[${T(java.lang.Runtime).getRuntime()}]]",
            "*{7*7}", "#{7*7}", "[# th:text=\"${7*7}\"/]"};
        for (String payload : payloads) {
            RenderedMail rendered = templates.render(mail(MailKind.PASSWORD_CHANGED, "en", "alice@example.com",
                    Map.of("site_name", payload, "user_display", payload, "username", payload)));

            assertThat(rendered.text()).contains("Hello from " + payload + "!").doesNotContain("49");
            assertThat(rendered.subject()).isEqualTo("[example.com] Password Changed");
            assertThat(rendered.html().orElseThrow()).doesNotContain("49");
        }
    }

    @Test
    void a_template_may_include_a_shared_fragment_from_the_override_directory() throws IOException {
        var templates = withOverrides();
        write("footer.txt", "-- \n[(${site_name})] team\n");
        write("password_changed_message.txt", "Changed.\n[# th:insert=\"~{footer.txt}\" /]");

        assertThat(templates.render(mail(MailKind.PASSWORD_CHANGED, "en")).text())
                .isEqualTo("Changed.\n-- \nexample.com team\n");
    }

    @Test
    void the_built_in_templates_validate() {
        assertThatCode(builtIn::validate).doesNotThrowAnyException();
        assertThatCode(() -> builtIn.validate(Map.of("frontend_url", "https://app.example.com")))
                .doesNotThrowAnyException();
        assertThat(builtIn.languages()).containsExactly("de");
    }

    @Test
    void validation_names_a_template_that_does_not_parse() throws IOException {
        write("email_confirmation_message.txt", "Confirm: [(${activate_url)]\n[# th:if=\"${true}\"]unclosed\n");

        assertThatThrownBy(withOverrides()::validate)
                .isInstanceOf(MailTemplateException.class)
                .hasMessageContaining(overrides.resolve("email_confirmation_message.txt").toString())
                .hasMessageContaining("does not render");
    }

    @Test
    void validation_names_a_template_that_fails_while_rendering() throws IOException {
        write("password_changed_subject.txt", "[(${#strings.substring(site_name, 50)})]");

        assertThatThrownBy(withOverrides()::validate)
                .isInstanceOf(MailTemplateException.class)
                .hasMessageContaining(overrides.resolve("password_changed_subject.txt").toString());
    }

    @Test
    void validation_names_a_confirmation_template_without_the_link() throws IOException {
        // The article's Django template, copied as it is: Django syntax prints no link here.
        write("email_confirmation_message.txt", """
                {% load account %}Hello from {{ site_name }}! To confirm this is correct, go to {{ activate_url }}
                """);
        write("password_reset_key_message_de.html", "<p>Hallo</p>");

        assertThatThrownBy(withOverrides()::validate)
                .isInstanceOf(MailTemplateException.class)
                .hasMessageContaining(overrides.resolve("email_confirmation_message.txt") + " does not show the link activate_url")
                .hasMessageContaining("[(${activate_url})]")
                .hasMessageContaining(overrides.resolve("password_reset_key_message_de.html")
                        + " does not show the link password_reset_url")
                .hasMessageNotContaining("email_confirmation_signup_message");
    }

    @Test
    void validation_reports_an_empty_subject_and_a_missing_directory() throws IOException {
        write("account_already_exists_subject_fr.txt", "  \n");

        assertThatThrownBy(withOverrides()::validate)
                .hasMessageContaining(overrides.resolve("account_already_exists_subject_fr.txt") + " renders an empty subject");
        assertThatThrownBy(new MailTemplates(Optional.of(overrides.resolve("missing")), "")::validate)
                .isInstanceOf(MailTemplateException.class)
                .hasMessageContaining("missing does not exist");
    }

    @Test
    void rendering_a_broken_template_names_it() throws IOException {
        write("password_changed_message.txt", "[(${user_display.nothing.here})]");

        assertThatThrownBy(() -> withOverrides().render(mail(MailKind.PASSWORD_CHANGED, "en")))
                .isInstanceOf(MailTemplateException.class)
                .hasMessageStartingWith("mail template " + overrides.resolve("password_changed_message.txt"));
    }

    @Test
    void the_subject_prefix_is_one_line() {
        assertThatThrownBy(() -> new MailTemplates(Optional.empty(), "[a]\nBcc: x@example.org "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOverrideOfThePlainConfirmationMailAlsoChangesTheSignupMail(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("email_confirmation_message.txt"),
                "Welcome! Confirm here: [(${activate_url})]");
        var templates = new MailTemplates(java.util.Optional.of(dir), "[x] ");
        var mail = templates.render(io.portcullis.domain.mail.MailKind.EMAIL_CONFIRMATION_SIGNUP,
                new io.portcullis.domain.account.EmailAddress("a@example.com"), "en",
                java.util.Map.of("activate_url", "https://x/confirm/k/"));
        org.assertj.core.api.Assertions.assertThat(mail.text()).isEqualTo("Welcome! Confirm here: https://x/confirm/k/");
        org.assertj.core.api.Assertions.assertThat(mail.subject()).startsWith("[x] ");
    }
}
