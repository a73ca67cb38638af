package io.portcullis.adapters.social.oidc;

import io.portcullis.adapters.social.http.ProviderAnswer;
import io.portcullis.adapters.social.http.ProviderHttp;
import io.portcullis.application.port.ProviderUnavailableException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The provider's discovery document, fetched on first use and kept for a day. A failed fetch is not
 * kept: the next request tries again. Once a day it is fetched again; while that fails, the old one
 * is kept and the fetch is tried again every {@link #RETRY_AFTER}, so sign-ins do not each wait for
 * a provider that is away.
 */
final class Discovery {

    static final Duration KEPT_FOR = Duration.ofDays(1);
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    private static final String CALL = "discovery document";

    private final URI issuer;
    private final ProviderHttp http;
    private final Clock clock;
    private ProviderMetadata metadata;
    private Instant refreshDue = Instant.MIN;

    Discovery(URI issuer, ProviderHttp http, Clock clock) {
        this.issuer = issuer;
        this.http = http;
        this.clock = clock;
    }

    synchronized ProviderMetadata metadata() {
        Instant now = clock.instant();
        if (metadata != null && now.isBefore(refreshDue)) {
            return metadata;
        }
        try {
            metadata = fetch();
            refreshDue = now.plus(KEPT_FOR);
        } catch (ProviderUnavailableException e) {
            if (metadata == null) {
                throw e;
            }
            refreshDue = now.plus(RETRY_AFTER);
        }
        return metadata;
    }

    private ProviderMetadata fetch() {
        String base = issuer.toString();
        URI location = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/.well-known/openid-configuration");
        ProviderAnswer answer = http.send(http.request(location).header("Accept", "application/json").GET().build(), CALL);
        if (!answer.isSuccess()) {
            throw answer.unexpected();
        }
        ProviderMetadata fetched = ProviderMetadata.from(answer);
        if (!IssuerPattern.accepts(issuer, fetched.issuer())) {
            // A document naming another issuer is a misconfiguration or a mix-up: trust none of it.
            throw http.unavailable(CALL, "it names the issuer " + fetched.issuer() + ", not the configured " + issuer, null);
        }
        return fetched;
    }
}
