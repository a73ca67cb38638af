package io.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** A loader with an environment and system properties of the test's making, never the machine's. */
final class Loading {

    /** 44 bytes: long enough for HS256, too short for HS384 and HS512. */
    static final String SECRET = "test-signing-key-0123456789-abcdefghijklmnop";

    final Map<String, String> environment = new LinkedHashMap<>();
    final Map<String, String> systemProperties = new LinkedHashMap<>();
    Optional<Path> commandLineFile = Optional.empty();
    int cores = 4;
    long seed = 42;

    /** With a valid JWT secret in the environment, as a deployment would have. */
    static Loading withSecret() {
        var loading = new Loading();
        loading.env("PORTCULLIS_JWT_SECRET", SECRET);
        return loading;
    }

    static Loading bare() {
        return new Loading();
    }

    Loading env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Loading prop(String name, String value) {
        systemProperties.put(name, value);
        return this;
    }

    Loading commandLine(Path file) {
        commandLineFile = Optional.of(file);
        return this;
    }

    PortcullisConfig load() {
        return new SettingsLoader(environment, systemProperties, cores, new Random(seed)).load(commandLineFile);
    }

    ConfigurationException failure() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, this::load);
        assertThat(e).as("loading should fail").isNotNull();
        return e;
    }

    /** The one problem a failed load reports. */
    ConfigProblem onlyProblem() {
        ConfigurationException e = failure();
        assertThat(e.problems()).as(e.getMessage()).hasSize(1);
        return e.problems().getFirst();
    }

    static Path write(Path directory, String name, String... lines) {
        try {
            Path file = directory.resolve(name);
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
