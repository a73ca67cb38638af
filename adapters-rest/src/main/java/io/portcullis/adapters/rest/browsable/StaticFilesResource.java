package io.portcullis.adapters.rest.browsable;

import io.portcullis.adapters.rest.response.ErrorBodies;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * {@code static/<file>}: the browsable pages' script and style sheet, cacheable for a year (their
 * URLs carry a version), with an ETag for revalidation.
 */
@Singleton
public final class StaticFilesResource {

    static final String CACHE = "public, max-age=31536000, immutable";

    @GET
    public Response file(@PathParam("file") String name, @Context HttpHeaders headers) {
        return StaticFiles.get(name)
                .map(file -> {
                    String etag = file.etag();
                    if (etag.equals(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH))) {
                        return Response.notModified().header(HttpHeaders.ETAG, etag)
                                .header(HttpHeaders.CACHE_CONTROL, CACHE).build();
                    }
                    return Response.ok(file.content())
                            .header(HttpHeaders.CONTENT_TYPE, file.mediaType())
                            .header(HttpHeaders.CACHE_CONTROL, CACHE)
                            .header(HttpHeaders.ETAG, etag)
                            .build();
                })
                .orElseGet(() -> ErrorBodies.detail(404, "Not found."));
    }
}
