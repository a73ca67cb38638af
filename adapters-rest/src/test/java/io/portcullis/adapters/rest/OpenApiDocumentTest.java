package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.portcullis.adapters.rest.health.HealthEndpoints;
import io.portcullis.adapters.rest.settings.CookieSettings;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.settings.EmailVerification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The OpenAPI document, read by a real OpenAPI parser: valid 3.1, every endpoint Jersey serves is
 * in it and every operation it documents is served, with the configured profile fields, the error
 * shapes and the security schemes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {

    private final TestApp app = new TestApp(EmailVerification.MANDATORY);
    private RestSettings settings;
    private ApiServer api;
    private String json;
    private OpenAPI document;

    @BeforeAll
    void start() {
        settings = RestSettings.defaults(app.settings)
                .withCookies(CookieSettings.named("my-app-auth", "my-refresh-token"))
                .withSocialProviders(List.of("google", "github"));
        api = ApiServer.start(app, settings, config -> config.register(new HealthEndpoints(() -> true)));
        Reply reply = api.get("/auth/openapi.json").send();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        json = reply.body();
        var options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        assertThat(result.getMessages()).as("the parser's complaints").isEmpty();
        document = result.getOpenAPI();
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void isOpenApi31() {
        assertThat(document.getOpenapi()).isEqualTo("3.1.0");
        assertThat(document.getInfo().getTitle()).isEqualTo("Portcullis");
        assertThat(document.getSpecVersion()).isEqualTo(io.swagger.v3.oas.models.SpecVersion.V31);
    }

    @Test
    void documentsExactlyWhatIsServed() {
        assertThat(documented()).isEqualTo(served());
    }

    @Test
    void servesEveryDocumentedOperation() {
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String concrete = path.replace("{file}", "browsable.js").replace("{provider}", "google").replaceAll("\\{[^}]+}", "x");
            Reply reply = api.call(method.name(), concrete).send();
            // Routing refusals (404, 405) and failures only where the document says so.
            if (reply.status() == 404 || reply.status() == 405 || reply.status() >= 500) {
                assertThat(operation.getResponses()).as("%s %s answers %s", method, path, reply)
                        .containsKey(Integer.toString(reply.status()));
            }
        }));
    }

    @Test
    void describesTheConfiguredProfileFields() {
        Map<String, Schema> schemas = document.getComponents().getSchemas();
        Schema<?> registration = schemas.get("RegistrationRequest");
        assertThat(registration.getRequired()).containsExactlyInAnyOrder("email", "password1", "password2", "gender",
                "phone_number");
        Schema<Object> gender = registration.getProperties().get("gender");
        assertThat(gender.getEnum()).containsExactly("M", "F", "NS");
        assertThat(gender.getDescription()).isEqualTo("One of: M (Male), F (Female), NS (Not Specified).");
        assertThat(registration.getProperties().get("phone_number").getMaxLength()).isEqualTo(30);
        assertThat(registration.getProperties().get("password1").getWriteOnly()).isTrue();

        Schema<?> user = schemas.get("User");
        assertThat(user.getProperties()).containsOnlyKeys("pk", "email", "phone_number", "gender");
        assertThat(user.getProperties().get("phone_number").getReadOnly()).isTrue();
        assertThat(user.getProperties().get("pk").getTypes()).containsExactly("integer");
        assertThat(schemas.get("UserRequest").getProperties()).containsOnlyKeys("gender");
        assertThat(schemas.get("UserRequest").getRequired()).containsExactly("gender");
        assertThat(schemas.get("PatchedUserRequest").getRequired()).isNullOrEmpty();
    }

    @Test
    void describesRequestsAndAnswers() {
        Operation login = document.getPaths().get("/auth/login/").getPost();
        assertThat(login.getRequestBody().getContent()).containsOnlyKeys("application/json",
                "application/x-www-form-urlencoded", "multipart/form-data");
        assertThat(login.getRequestBody().getContent().get("application/json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/LoginRequest");
        assertThat(login.getResponses()).containsKeys("200", "400", "406", "413", "415", "503", "default");
        assertThat(login.getResponses().get("200").getContent().get("application/json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/TokenPair");
        // Mandatory verification: registration answers with a detail, not tokens.
        assertThat(document.getPaths().get("/auth/registration/").getPost().getResponses().get("201").getContent()
                .get("application/json").getSchema().get$ref()).isEqualTo("#/components/schemas/Detail");
        assertThat(document.getPaths().get("/auth/password/reset/confirm/{uid}/{token}/").getParameters())
                .extracting(p -> p.getName()).containsExactly("uid", "token");
    }

    @Test
    void describesTheErrorShapes() {
        Map<String, Schema> schemas = document.getComponents().getSchemas();
        assertThat(schemas).containsKeys("Detail", "CodedDetail", "TokenNotValid", "FieldErrors");
        assertThat(schemas.get("FieldErrors").getAdditionalProperties()).isNotNull();
        assertThat(document.getComponents().getResponses()).containsKeys("BadRequest", "Unauthorized", "NotFound",
                "MethodNotAllowed", "NotAcceptable", "PayloadTooLarge", "UnsupportedMediaType", "Unavailable", "Error");
        assertThat(document.getComponents().getResponses().get("Unauthorized").getHeaders())
                .containsKey("WWW-Authenticate");
    }

    @Test
    void describesTheSecuritySchemes() {
        Map<String, SecurityScheme> schemes = document.getComponents().getSecuritySchemes();
        assertThat(schemes.get("jwtBearer").getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(schemes.get("jwtBearer").getScheme()).isEqualTo("bearer");
        assertThat(schemes.get("jwtBearer").getBearerFormat()).isEqualTo("JWT");
        assertThat(schemes.get("jwtCookie").getIn()).isEqualTo(SecurityScheme.In.COOKIE);
        assertThat(schemes.get("jwtCookie").getName()).isEqualTo("my-app-auth");
        assertThat(document.getPaths().get("/auth/user/").getGet().getSecurity())
                .extracting(requirement -> requirement.keySet()).containsExactly(Set.of("jwtBearer"), Set.of("jwtCookie"));
        assertThat(document.getPaths().get("/auth/login/").getPost().getSecurity()).isNull();
    }

    @Test
    void servesTheSameDocumentAsYaml() throws Exception {
        Reply yaml = api.get("/auth/openapi.yaml").send();

        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.header("Content-Type")).isEqualTo("application/yaml; charset=utf-8");
        assertThat(yaml.body()).startsWith("openapi: 3.1.0");
        JsonNode fromYaml = new YAMLMapper().readTree(yaml.body());
        assertThat(fromYaml).isEqualTo(new ObjectMapper().readTree(json));
        assertThat(new OpenAPIV3Parser().readContents(yaml.body(), null, new ParseOptions()).getMessages()).isEmpty();
    }

    private Set<String> documented() {
        var operations = new TreeSet<String>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> operations.add(method.name() + " " + normalise(path))));
        return operations;
    }

    /** What Jersey serves: every resource method it was given, not the OPTIONS and HEAD it adds itself. */
    private Set<String> served() {
        var config = ApiServer.configuration(app, settings).register(new HealthEndpoints(() -> true));
        var handler = new ApplicationHandler(config);
        var model = handler.getInjectionManager().getInstance(ExtendedResourceContext.class).getResourceModel();
        var operations = new TreeSet<String>();
        for (Resource resource : model.getRootResources()) {
            collect(resource, "", operations);
        }
        return operations;
    }

    private static void collect(Resource resource, String parent, Set<String> operations) {
        String path = join(parent, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            if (!method.isExtended()) {
                operations.add(method.getHttpMethod().toUpperCase(Locale.ROOT) + " " + normalise(path));
            }
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, operations);
        }
    }

    private static String join(String parent, String path) {
        String child = path == null ? "" : path;
        String joined = (parent.endsWith("/") ? parent : parent + "/") + (child.startsWith("/") ? child.substring(1) : child);
        return joined;
    }

    /** Leading slash, no trailing one, and a template without its regular expression ({@code {provider: a|b}}). */
    private static String normalise(String path) {
        String plain = path.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
        String out = plain.startsWith("/") ? plain : "/" + plain;
        return out.length() > 1 && out.endsWith("/") ? out.substring(0, out.length() - 1) : out;
    }

    @SuppressWarnings("unused")
    private static List<PathItem.HttpMethod> methods(PathItem item) {
        return List.copyOf(item.readOperationsMap().keySet());
    }
}
