package io.portcullis.adapters.rest.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.settings.RestSettings;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** {@code openapi.json} and {@code openapi.yaml}: the {@link OpenApiDocument} of the running settings. */
public final class OpenApiResource {

    static final String YAML_TYPE = "application/yaml";

    private OpenApiResource() {}

    /** The document as JSON. */
    @Singleton
    public static final class Json {
        private final Map<String, Object> document;

        @Inject
        public Json(EndpointCatalogue catalogue, RestSettings settings) {
            this.document = OpenApiDocument.build(catalogue, settings);
        }

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Response get() {
            return Response.ok(document, MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .build();
        }
    }

    /** The document as YAML. */
    @Singleton
    public static final class Yaml {
        private final String document;

        @Inject
        public Yaml(EndpointCatalogue catalogue, RestSettings settings) {
            this.document = yaml(OpenApiDocument.build(catalogue, settings));
        }

        @GET
        @Produces({YAML_TYPE, "text/yaml", MediaType.TEXT_PLAIN})
        public Response get() {
            return Response.ok(document)
                    .header(HttpHeaders.CONTENT_TYPE, YAML_TYPE + "; charset=utf-8")
                    .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .build();
        }
    }

    static String yaml(Map<String, Object> document) {
        var factory = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build();
        try {
            return new ObjectMapper(factory).writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document cannot be written as YAML", e);
        }
    }
}
