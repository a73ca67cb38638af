package io.portcullis.bootstrap.server;

import io.portcullis.bootstrap.config.PortcullisConfig;
import io.portcullis.bootstrap.config.SettingsLoader;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Starts the real service in this JVM: port 0, an in-memory H2 database of its own, real Argon2id. */
final class TestServers {

    static final String SECRET = "container-test-signing-key-0123456789-abcdefghij";

    private TestServers() {}

    static PortcullisConfig config(PortcullisConfig.Container container, Map<String, String> extra) {
        var environment = new HashMap<String, String>();
        environment.put("PORTCULLIS_HTTP_HOST", "127.0.0.1");
        environment.put("PORTCULLIS_HTTP_PORT", "0");
        environment.put("PORTCULLIS_HTTP_CONTAINER", container.settingName());
        environment.put("PORTCULLIS_DATABASE_URL", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        environment.put("PORTCULLIS_JWT_SECRET", SECRET);
        environment.putAll(extra);
        return new SettingsLoader(environment, Map.of(), 2, new SecureRandom()).load();
    }

    static PortcullisServer start(PortcullisConfig.Container container) {
        return start(container, Map.of());
    }

    static PortcullisServer start(PortcullisConfig.Container container, Map<String, String> extra) {
        return PortcullisServer.start(config(container, extra), Clock.systemUTC());
    }
}
