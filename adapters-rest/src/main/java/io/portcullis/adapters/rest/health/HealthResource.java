package io.portcullis.adapters.rest.health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.BooleanSupplier;

@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    private final BooleanSupplier ready;

    HealthResource(BooleanSupplier ready) {
        this.ready = ready;
    }

    /** Answers as long as the process serves HTTP; touches nothing else (the benchmark's ceiling). */
    @GET
    @Path("live")
    public Map<String, String> live() {
        return Map.of("status", "UP");
    }

    @GET
    @Path("ready")
    public Response ready() {
        return ready.getAsBoolean()
                ? Response.ok(Map.of("status", "UP")).build()
                : Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(Map.of("status", "DOWN")).build();
    }
}
