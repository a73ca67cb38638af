package io.portcullis.adapters.rest.browsable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.settings.CsrfSettings;
import io.portcullis.adapters.rest.describe.EndpointSpec;
import io.portcullis.adapters.rest.describe.FieldSpec;
import io.portcullis.adapters.rest.response.AllowedMethods;
import io.portcullis.adapters.rest.settings.RestSettings;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Writes the browsable page of an answer with the Thymeleaf template {@code page.html}. */
final class PageRenderer {

    /** The answer's headers a page shows, as DRF's browsable API shows them. */
    private static final List<String> SHOWN_HEADERS = List.of(HttpHeaders.ALLOW, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.VARY, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION);

    /** Indented by four spaces, {@code "key": value}: as DRF's browsable API and JSON.stringify show it. */
    private static final ObjectWriter PRETTY = new ObjectMapper().writer(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("    ", "\n"))
            .withArrayIndenter(new DefaultIndenter("    ", "\n")));

    private final EndpointCatalogue catalogue;
    private final TemplateEngine engine;
    private final Page.Site site;

    PageRenderer(EndpointCatalogue catalogue, RestSettings settings) {
        this.catalogue = catalogue;
        var resolver = new ClassLoaderTemplateResolver(PageRenderer.class.getClassLoader());
        resolver.setPrefix("io/portcullis/adapters/rest/browsable/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        this.engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        String base = catalogue.basePath();
        CsrfSettings csrf = settings.cookies().csrf();
        this.site = new Page.Site(base.isEmpty() ? "/" : base,
                catalogue.urlPath(catalogue.get(EndpointCatalogue.LOGIN)),
                catalogue.urlPath(catalogue.get(EndpointCatalogue.USER)),
                catalogue.urlPath(catalogue.get(EndpointCatalogue.LOGOUT)),
                catalogue.urlPath(catalogue.get(EndpointCatalogue.OPENAPI_JSON)),
                settings.cookies().accessName().isPresent(),
                StaticFiles.url(base, StaticFiles.SCRIPT),
                StaticFiles.url(base, StaticFiles.STYLE),
                csrf.mode() == CsrfSettings.Mode.OFF ? "" : csrf.headerName(),
                csrf.usesCookie() ? csrf.cookieName() : "",
                settings.opaqueKeys() ? "Token" : "Bearer");
    }

    String render(Optional<EndpointSpec> endpoint, ContainerRequestContext request, ContainerResponseContext response) {
        var context = new Context(Locale.ENGLISH);
        context.setVariable("page", page(endpoint, request, response));
        return engine.process("page", context);
    }

    private Page page(Optional<EndpointSpec> endpoint, ContainerRequestContext request, ContainerResponseContext response) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        String requestLine = request.getMethod() + " " + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        int status = response.getStatus();
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        String statusLine = "HTTP " + status + (reason == null ? "" : " " + reason.getReasonPhrase());
        var headers = new ArrayList<String>();
        for (String name : SHOWN_HEADERS) {
            String value = name.equals(HttpHeaders.CONTENT_TYPE)
                    ? response.getMediaType().toString()
                    : response.getHeaderString(name);
            if (value != null && !value.isEmpty()) {
                headers.add(name + ": " + value);
            }
        }
        String body = pretty(response.getEntity());
        String key = endpoint.map(EndpointSpec::key).orElse("");
        return new Page(
                key,
                endpoint.map(EndpointSpec::name).orElse(reason == null ? "Error" : reason.getReasonPhrase()),
                endpoint.map(EndpointSpec::description).orElse(""),
                endpoint.map(spec -> AllowedMethods.header(spec.methods())).orElse(""),
                requestLine,
                status,
                statusLine,
                headers,
                body,
                path,
                endpoint.map(EndpointSpec::writingMethods).orElse(List.of()),
                endpoint.map(spec -> spec.methods().contains("GET")).orElse(false),
                endpoint.map(spec -> spec.fields().stream().map(PageRenderer::field).toList()).orElse(List.of()),
                endpoint.map(EndpointSpec::authenticated).orElse(false),
                links(key),
                site);
    }

    private List<Page.Link> links(String current) {
        return catalogue.all().stream()
                .filter(spec -> spec.browsable() && !spec.path().contains("{")
                        && !spec.key().equals(EndpointCatalogue.VERIFY_EMAIL_ALIAS))
                .map(spec -> new Page.Link(spec.name(), catalogue.urlPath(spec), spec.key().equals(current),
                        spec.authenticated()))
                .toList();
    }

    private static Page.Field field(FieldSpec field) {
        String input = field.isChoice() ? "select"
                : field.secret() ? "password"
                : field.type().equals("email") ? "email"
                : field.type().equals("integer") ? "number"
                : "text";
        var hints = new ArrayList<String>();
        field.helpText().ifPresent(hints::add);
        if (!field.readOnly() && !field.isChoice()) {
            field.maxLength().ifPresent(max -> hints.add(max == 0 ? "Leave it empty." : "At most " + max + " characters."));
        }
        if (field.readOnly()) {
            hints.add("Read-only.");
        }
        List<Page.Option> options = field.choices().stream()
                .map(choice -> new Page.Option(choice.value(), choice.displayName()))
                .toList();
        return new Page.Field(field.name(), field.label(), input, field.required(), field.readOnly(),
                String.join(" ", hints), options);
    }

    private static String pretty(Object entity) {
        if (entity instanceof String text) {
            return text;
        }
        try {
            return PRETTY.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer that cannot be written as JSON", e);
        }
    }
}
