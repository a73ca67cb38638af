package io.portcullis.application.social;

import io.portcullis.application.port.IdentityProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The social providers of the deployment, by the id that names them in paths and settings. */
public final class IdentityProviders {

    private final Map<String, IdentityProvider> byId;

    public IdentityProviders(List<IdentityProvider> providers) {
        var ids = new LinkedHashMap<String, IdentityProvider>();
        for (IdentityProvider provider : providers) {
            if (ids.putIfAbsent(provider.id(), provider) != null) {
                throw new IllegalArgumentException("two providers are named " + provider.id());
            }
        }
        this.byId = ids;
    }

    public static IdentityProviders none() {
        return new IdentityProviders(List.of());
    }

    public Optional<IdentityProvider> find(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    /** The ids in the order the providers were given. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }
}
