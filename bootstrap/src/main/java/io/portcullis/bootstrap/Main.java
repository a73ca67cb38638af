package io.portcullis.bootstrap;

import io.portcullis.adapters.security.jwt.KeyDirectory;
import io.portcullis.application.port.StoreUnavailableException;
import io.portcullis.bootstrap.config.ConfigurationException;
import io.portcullis.bootstrap.config.PortcullisConfig;
import io.portcullis.bootstrap.config.SettingsLoader;
import io.portcullis.bootstrap.server.PortcullisServer;
import io.portcullis.bootstrap.wiring.CompositionRoot;
import io.portcullis.application.user.DeactivateAccount;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code java -jar portcullis.jar [--config FILE] [--dev]}. {@code --dev} allows a generated JWT
 * secret, so a first start needs no configuration at all.
 *
 * <p>{@code java -jar portcullis.jar [--config FILE] deactivate EMAIL} deactivates an account
 * (Django's {@code is_active = False}) and ends all its sessions at once, then exits.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        // Jersey and Grizzly log through java.util.logging; route it to the one logging setup.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Optional<Path> configFile = Optional.empty();
        Optional<String> deactivate = Optional.empty();
        Map<String, String> systemProperties = new HashMap<>();
        System.getProperties().forEach((key, value) -> systemProperties.put(key.toString(), value.toString()));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> {
                    if (i + 1 >= args.length) {
                        fail("--config needs a file path");
                    }
                    configFile = Optional.of(Path.of(args[++i]));
                }
                case "--dev" -> systemProperties.putIfAbsent("portcullis.jwt.allow-generated-secret", "true");
                case "deactivate" -> {
                    if (i + 1 >= args.length) {
                        fail("deactivate needs the account's e-mail address");
                    }
                    deactivate = Optional.of(args[++i]);
                }
                default -> fail("unknown argument '" + args[i] + "'; usage: java -jar portcullis.jar [--config FILE]"
                        + " [--dev], or java -jar portcullis.jar [--config FILE] deactivate EMAIL");
            }
        }
        PortcullisConfig config;
        try {
            config = new SettingsLoader(System.getenv(), systemProperties, Runtime.getRuntime().availableProcessors(),
                    new java.security.SecureRandom()).load(configFile);
        } catch (ConfigurationException e) {
            fail("configuration refused:\n" + e.getMessage());
            return;
        }
        if (deactivate.isPresent()) {
            deactivate(config, deactivate.get());
            return;
        }
        if (config.jwt().secretGenerated()) {
            LOG.warn("DEVELOPMENT MODE: the JWT secret was generated for this run; tokens die with the process. "
                    + "Set jwt.secret (PORTCULLIS_JWT_SECRET) for anything else.");
        }
        PortcullisServer server;
        try {
            server = PortcullisServer.start(config, Clock.systemUTC());
        } catch (StoreUnavailableException | KeyDirectory.KeyDirectoryException e) {
            // The database cannot be reached, or a key file is unusable: the message names it and why.
            LOG.error("Portcullis could not start: {}", e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            LOG.error("Portcullis could not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "portcullis-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deactivate(PortcullisConfig config, String email) {
        try {
            switch (CompositionRoot.deactivate(config, Clock.systemUTC(), email)) {
                case DeactivateAccount.Outcome.Deactivated done -> {
                    LOG.info("Account {} is deactivated; all its sessions have ended", done.account().id());
                    System.exit(0);
                }
                case DeactivateAccount.Outcome.NotFound missing -> fail("no account has the address " + email);
            }
        } catch (StoreUnavailableException e) {
            LOG.error("Portcullis could not deactivate the account: {}", e.getMessage());
            System.exit(1);
        }
    }

    private static void fail(String message) {
        LOG.error(message);
        System.exit(2);
    }
}
