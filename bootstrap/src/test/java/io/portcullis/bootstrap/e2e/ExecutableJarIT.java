package io.portcullis.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the built jar as a user would and drives the reference session over HTTP. */
class ExecutableJarIT {

    @TempDir
    Path work;

    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private Process start(int port, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dportcullis.http.host=127.0.0.1",
                "-Dportcullis.http.port=" + port,
                "-Dportcullis.http.base-path=/auth",
                "-Dportcullis.database.url=jdbc:h2:file:" + work.resolve("db"),
                "-Dportcullis.jwt.secret=an-end-to-end-test-secret-of-more-than-32-bytes",
                "-Dportcullis.password.logout-on-change=true",
                "-Dportcullis.password.hashing-threads=2"));
        command.addAll(List.of(extra));
        command.addAll(List.of("-jar", System.getProperty("portcullis.jar"),
                "--config", System.getProperty("portcullis.article")));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile()).start();
    }

    private void awaitReady(HttpSession http) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("server log:%n%s", Files.readString(work.resolve("server.log"))).isTrue();
            try {
                if (http.get("/health/ready", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // connection refused while the server starts
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("not ready in time:\n" + Files.readString(work.resolve("server.log")));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theJarServesTheReferenceSessionAndKeepsDataAcrossRestarts() throws Exception {
        int port = freePort();
        process = start(port);
        var http = new HttpSession(URI.create("http://127.0.0.1:" + port));
        awaitReady(http);

        ReferenceSession.run(http, "/auth/");

        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(work.resolve("server.log"))).contains("Portcullis stopped").doesNotContain("Exception");

        process = start(port);
        awaitReady(http);
        var login = http.post("/auth/login/", "{\"email\": \"dave@example.com\", \"password\": \"N3w-Pass!word\"}");
        assertThat(login.status()).isEqualTo(200);
    }

    @Test
    void aBadSettingStopsTheStartWithItsName() throws Exception {
        process = start(freePort(), "-Dportcullis.account.login-methd=email");
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(work.resolve("server.log"))).contains("account.login-methd");
    }
}
