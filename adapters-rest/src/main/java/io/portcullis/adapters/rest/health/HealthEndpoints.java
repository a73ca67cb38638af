package io.portcullis.adapters.rest.health;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Liveness and readiness probes at {@code /health/live} and {@code /health/ready}, outside the
 * API's base path. Readiness asks the supplied check (the database, in practice) on every call.
 */
public final class HealthEndpoints implements Feature {

    private final BooleanSupplier ready;

    public HealthEndpoints(BooleanSupplier ready) {
        this.ready = Objects.requireNonNull(ready, "ready");
    }

    @Override
    public boolean configure(FeatureContext context) {
        context.register(new HealthResource(ready));
        return true;
    }
}
