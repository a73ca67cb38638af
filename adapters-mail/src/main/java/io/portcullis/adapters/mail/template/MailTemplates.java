package io.portcullis.adapters.mail.template;

import io.portcullis.adapters.mail.sender.RenderedMail;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.mail.OutgoingMail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The subject, text and HTML templates of each mail, rendered with Thymeleaf.
 *
 * <p>Each {@link MailKind} has three templates named from its {@link MailKind#templateName()}:
 * {@code <name>_subject.txt} and {@code <name>_message.txt} in Thymeleaf's TEXT mode (write a
 * variable as {@code [(${activate_url})]}; nothing is escaped) and the optional
 * {@code <name>_message.html} in HTML mode ({@code th:text}, {@code th:href}; values are escaped).
 * Without an HTML template the mail is plain text. Every variable of the mail is available by
 * name. A variable's value is only ever printed, never evaluated as a template.
 *
 * <p>Translations add the language to the name: {@code <name>_message_de.txt}. For a mail in
 * language {@code de-AT} the lookup tries, in this order: the override directory with
 * {@code _de_AT}, then {@code _de}, then without suffix; then the built-in templates the same way.
 * A file in the override directory with a built-in template's name thus replaces it, as a Django
 * project's {@code templates/account/email/} does; Django's {@code password_reset_email.txt} and
 * {@code password_reset_email.html} are accepted there for the reset mail. Override files are read
 * anew at each use, so an edited file counts at once.
 *
 * <p>The subject is rendered, joined into one line, trimmed and put after the subject prefix.
 */
public final class MailTemplates {

    /** Languages the built-in templates are translated into, besides English (the files without suffix). */
    public static final List<String> BUILT_IN_LANGUAGES = List.of("de");

    /** Django's name of the reset message, accepted in the override directory. */
    public static final String DJANGO_RESET_TEMPLATE = "password_reset_email";

    private static final Map<MailKind, String> LINK_VARIABLES = Map.of(
            MailKind.EMAIL_CONFIRMATION_SIGNUP, "activate_url",
            MailKind.EMAIL_CONFIRMATION, "activate_url",
            MailKind.PASSWORD_RESET, "password_reset_url");

    private static final Pattern LANGUAGE = Pattern.compile("([A-Za-z]{2,8})(?:[-_]([A-Za-z0-9]{1,8}))?");
    private static final Pattern LANGUAGE_SUFFIX = Pattern.compile("_([A-Za-z]{2,8}(?:_[A-Za-z0-9]{1,8})?)");

    private final Optional<Path> overrideDirectory;
    private final String subjectPrefix;
    private final MailTemplateResolver resolver;
    private final TemplateEngine engine;

    /**
     * @param overrideDirectory a directory whose files replace built-in templates of the same name
     * @param subjectPrefix put before every subject, for example {@code "[example.com] "}
     */
    public MailTemplates(Optional<Path> overrideDirectory, String subjectPrefix) {
        this.overrideDirectory = Objects.requireNonNull(overrideDirectory, "overrideDirectory")
                .map(Path::toAbsolutePath);
        this.subjectPrefix = Objects.requireNonNull(subjectPrefix, "subjectPrefix");
        if (subjectPrefix.indexOf('\r') >= 0 || subjectPrefix.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("the subject prefix is a single line");
        }
        this.resolver = new MailTemplateResolver(this.overrideDirectory);
        this.engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    /** The built-in templates only, with {@code [<siteName>] } before each subject. */
    public static MailTemplates builtIn(String siteName) {
        return new MailTemplates(Optional.empty(), "[" + siteName + "] ");
    }

    public Optional<Path> overrideDirectory() {
        return overrideDirectory;
    }

    public String subjectPrefix() {
        return subjectPrefix;
    }

    /**
     * Renders the mail in its language, falling back to English.
     *
     * @throws MailTemplateException naming the template that failed
     */
    public RenderedMail render(OutgoingMail mail) {
        return render(mail.kind(), mail.to(), mail.language(), mail.variables());
    }

    /**
     * Renders one mail.
     *
     * @throws MailTemplateException naming the template that failed
     */
    public RenderedMail render(MailKind kind, EmailAddress to, String language, Map<String, String> variables) {
        TemplateSet set = templateSet(kind, language);
        var context = new Context(locale(language), new LinkedHashMap<String, Object>(variables));
        String subject = oneLine(process(set.subject(), context));
        String text = process(set.text(), context);
        Optional<String> html = set.html().map(source -> process(source, context));
        return new RenderedMail(to, subjectPrefix + subject, text, html);
    }

    /** Which files a mail of this kind and language is rendered from. */
    public TemplateSet templateSet(MailKind kind, String language) {
        List<String> languages = languageCandidates(language);
        String base = kind.templateName();
        List<String> messageAliases = switch (kind) {
            case PASSWORD_RESET -> List.of(DJANGO_RESET_TEMPLATE);
            // allauth's sign-up mail includes the plain confirmation mail, so an override of the
            // latter (the article's customisation) changes both.
            case EMAIL_CONFIRMATION_SIGNUP -> List.of(MailKind.EMAIL_CONFIRMATION.templateName() + "_message");
            default -> List.of();
        };
        List<String> subjectAliases = kind == MailKind.EMAIL_CONFIRMATION_SIGNUP
                ? List.of(MailKind.EMAIL_CONFIRMATION.templateName() + "_subject")
                : List.of();
        TemplateSource subject = locate(base + "_subject", subjectAliases, ".txt", languages)
                .orElseThrow(() -> missing(base + "_subject.txt"));
        TemplateSource text = locate(base + "_message", messageAliases, ".txt", languages)
                .orElseThrow(() -> missing(base + "_message.txt"));
        Optional<TemplateSource> html = locate(base + "_message", messageAliases, ".html", languages);
        return new TemplateSet(subject, text, html);
    }

    /** The languages there are templates for: the built-in ones and those of the override directory's files. */
    public Set<String> languages() {
        var languages = new TreeSet<String>(BUILT_IN_LANGUAGES);
        languages.addAll(overrideLanguages());
        return languages;
    }

    /**
     * Renders every template of every kind and language with sample values; meant for start-up.
     *
     * @throws MailTemplateException listing each template that does not render, renders an empty
     *     subject, or (for confirmation and reset mails) leaves out its link
     */
    public void validate() {
        validate(Map.of());
    }

    /**
     * As {@link #validate()}, with sample values for the site's custom variables too.
     *
     * @param customVariables extra variables the templates may use, with sample values
     */
    public void validate(Map<String, String> customVariables) {
        overrideDirectory.ifPresent(directory -> {
            if (!Files.isDirectory(directory)) {
                throw new MailTemplateException("the mail template directory " + directory
                        + " does not exist or is not a directory");
            }
        });
        var variables = new LinkedHashMap<String, String>(customVariables);
        variables.putAll(sampleVariables());
        var problems = new LinkedHashSet<String>();
        var languages = new ArrayList<String>();
        languages.add("");
        languages.addAll(languages());
        for (String language : languages) {
            for (MailKind kind : MailKind.values()) {
                validate(kind, language, variables, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new MailTemplateException("mail templates are not usable:\n  - " + String.join("\n  - ", problems));
        }
    }

    /** The values {@link #validate()} renders with, named as the application names its variables. */
    public static Map<String, String> sampleVariables() {
        var variables = new LinkedHashMap<String, String>();
        variables.put("site_name", "example.com");
        variables.put("site_domain", "example.com");
        variables.put("email", "alice@example.com");
        variables.put("username", "alice");
        variables.put("user_display", "alice");
        variables.put("user_id", "1");
        variables.put("key", "MQ:1xXVeE:sample-confirmation-key");
        variables.put("activate_url", "https://example.com/confirm-email/MQ:1xXVeE:sample-confirmation-key/");
        variables.put("uid", "1");
        variables.put("token", "discif-sample-reset-token");
        variables.put("password_reset_url", "https://example.com/password/reset/confirm/1/discif-sample-reset-token/");
        return variables;
    }

    private void validate(MailKind kind, String language, Map<String, String> variables,
            Set<String> problems) {
        TemplateSet set;
        try {
            set = templateSet(kind, language);
        } catch (MailTemplateException e) {
            problems.add(e.getMessage());
            return;
        }
        var context = new Context(locale(language), new LinkedHashMap<String, Object>(variables));
        String link = LINK_VARIABLES.get(kind);
        render(set.subject(), context, problems).ifPresent(subject -> {
            if (oneLine(subject).isEmpty()) {
                problems.add(set.subject().description() + " renders an empty subject");
            }
        });
        render(set.text(), context, problems).ifPresent(text -> requireLink(set.text(), text, link, variables, problems));
        set.html().ifPresent(html -> render(html, context, problems)
                .ifPresent(text -> requireLink(html, text, link, variables, problems)));
    }

    private static void requireLink(TemplateSource source, String rendered, String link, Map<String, String> variables,
            Set<String> problems) {
        if (link == null) {
            return;
        }
        String value = variables.get(link);
        if (!rendered.contains(value) && !rendered.contains(value.replace("&", "&amp;"))) {
            String example = source.mode() == TemplateMode.HTML
                    ? "<a th:href=\"${" + link + "}\" th:text=\"${" + link + "}\"></a>"
                    : "[(${" + link + "})]";
            problems.add(source.description() + " does not show the link " + link
                    + "; without it the mail is useless (write it as " + example + ")");
        }
    }

    private Optional<String> render(TemplateSource source, Context context, Set<String> problems) {
        try {
            return Optional.of(process(source, context));
        } catch (MailTemplateException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }

    private String process(TemplateSource source, Context context) {
        try {
            return engine.process(source.templateName(), context);
        } catch (TemplateEngineException e) {
            throw new MailTemplateException(source.description() + " does not render: " + reason(e), e);
        }
    }

    /** Thymeleaf's most precise message (with line and column) and the underlying cause, when it adds one. */
    private static String reason(Throwable failure) {
        String engine = failure.getMessage();
        String underlying = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() == null) {
                continue;
            }
            if (cause instanceof TemplateEngineException) {
                engine = cause.getMessage();
            } else {
                underlying = cause.getMessage();
            }
        }
        return underlying == null || engine.contains(underlying) ? engine : engine + ": " + underlying;
    }

    private Optional<TemplateSource> locate(String stem, List<String> aliases, String extension,
            List<String> languages) {
        var names = new ArrayList<String>();
        var stems = Stream.concat(Stream.of(stem), aliases.stream()).toList();
        for (String language : languages) {
            stems.forEach(each -> names.add(each + "_" + language + extension));
        }
        stems.forEach(each -> names.add(each + extension));
        for (String name : names) {
            Optional<Path> file = resolver.overrideFile(name);
            if (file.isPresent()) {
                return Optional.of(new TemplateSource(MailTemplateResolver.OVERRIDE + name,
                        "mail template " + file.get(), MailTemplateResolver.modeOf(name)));
            }
        }
        for (String language : languages) {
            String name = stem + "_" + language + extension;
            if (resolver.builtInExists(name)) {
                return Optional.of(builtInSource(name));
            }
        }
        String name = stem + extension;
        return resolver.builtInExists(name) ? Optional.of(builtInSource(name)) : Optional.empty();
    }

    private static TemplateSource builtInSource(String name) {
        return new TemplateSource(MailTemplateResolver.BUILT_IN + name,
                "built-in mail template " + MailTemplateResolver.BUILT_IN_LOCATION + name,
                MailTemplateResolver.modeOf(name));
    }

    private static MailTemplateException missing(String name) {
        return new MailTemplateException("no mail template " + name + " (neither in the override directory nor built in)");
    }

    /**
     * The language suffixes to try, most specific first: {@code de-at} gives {@code de_AT} and
     * {@code de}. Anything that is not a language tag gives none, and so English.
     */
    static List<String> languageCandidates(String language) {
        if (language == null) {
            return List.of();
        }
        Matcher matcher = LANGUAGE.matcher(language.strip());
        if (!matcher.matches()) {
            return List.of();
        }
        String primary = matcher.group(1).toLowerCase(Locale.ROOT);
        String region = matcher.group(2);
        if (region == null) {
            return List.of(primary);
        }
        String suffix = region.length() == 2 ? region.toUpperCase(Locale.ROOT) : region;
        return List.of(primary + "_" + suffix, primary);
    }

    private static Locale locale(String language) {
        return language == null || language.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(language.replace('_', '-'));
    }

    /** Django's {@code " ".join(subject.splitlines()).strip()}. */
    private static String oneLine(String subject) {
        return String.join(" ", subject.lines().toList()).strip();
    }

    /** Language suffixes of the override directory's template files. */
    private Set<String> overrideLanguages() {
        if (overrideDirectory.isEmpty() || !Files.isDirectory(overrideDirectory.get())) {
            return Set.of();
        }
        var stems = new ArrayList<String>();
        for (MailKind kind : MailKind.values()) {
            stems.add(kind.templateName() + "_subject");
            stems.add(kind.templateName() + "_message");
        }
        stems.add(DJANGO_RESET_TEMPLATE);
        var languages = new TreeSet<String>();
        try (Stream<Path> files = Files.list(overrideDirectory.get())) {
            files.map(file -> file.getFileName().toString()).forEach(name -> {
                String bare = name.endsWith(".html") ? name.substring(0, name.length() - 5)
                        : name.endsWith(".txt") ? name.substring(0, name.length() - 4) : null;
                if (bare == null) {
                    return;
                }
                for (String stem : stems) {
                    if (bare.startsWith(stem)) {
                        Matcher matcher = LANGUAGE_SUFFIX.matcher(bare.substring(stem.length()));
                        if (matcher.matches()) {
                            languages.add(matcher.group(1));
                        }
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("the mail template directory " + overrideDirectory.get()
                    + " cannot be listed", e);
        }
        return languages;
    }

    /**
     * One template: the name Thymeleaf resolves, what to call it in messages, and its mode.
     *
     * @param templateName {@code override:<file>} or {@code builtin:<file>}
     * @param description the file's path, or the built-in resource's name
     * @param mode TEXT for {@code .txt}, HTML for {@code .html}
     */
    public record TemplateSource(String templateName, String description,
            TemplateMode mode) {}

    /** The files one mail is rendered from. */
    public record TemplateSet(TemplateSource subject, TemplateSource text, Optional<TemplateSource> html) {}
}
