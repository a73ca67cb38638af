package io.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cors.* settings: nothing allowed by default, django-cors-headers' lists otherwise. */
class CorsConfigTest {

    @Test
    void allowsNoOriginByDefault() {
        PortcullisConfig.Cors cors = Loading.withSecret().load().cors();

        assertThat(cors.allowedOrigins()).isEmpty();
        assertThat(cors.allowCredentials()).isFalse();
        assertThat(cors.allowedMethods()).containsExactly("DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT");
        assertThat(cors.allowedHeaders()).containsExactly("accept", "authorization", "content-type", "user-agent",
                "x-csrftoken", "x-requested-with");
        assertThat(cors.exposedHeaders()).isEmpty();
        assertThat(cors.maxAge()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void readsTheOriginsAndTheRest() {
        PortcullisConfig.Cors cors = Loading.withSecret()
                .env("PORTCULLIS_CORS_ALLOWED_ORIGINS", "https://app.example.com, http://localhost:3000")
                .env("PORTCULLIS_CORS_ALLOW_CREDENTIALS", "true")
                .env("PORTCULLIS_CORS_EXPOSED_HEADERS", "Retry-After")
                .env("PORTCULLIS_CORS_MAX_AGE", "10m")
                .load().cors();

        assertThat(cors.allowedOrigins()).containsExactly("https://app.example.com", "http://localhost:3000");
        assertThat(cors.allowCredentials()).isTrue();
        assertThat(cors.exposedHeaders()).isEqualTo(List.of("Retry-After"));
        assertThat(cors.maxAge()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void refusesAnOriginWithAPath() {
        ConfigProblem problem = Loading.withSecret()
                .env("PORTCULLIS_CORS_ALLOWED_ORIGINS", "https://app.example.com/").onlyProblem();

        assertThat(problem.keys()).containsExactly("cors.allowed-origins");
        assertThat(problem.toString()).contains("is not an origin");
    }

    @Test
    void refusesCredentialsForEveryOrigin() {
        ConfigProblem problem = Loading.withSecret()
                .env("PORTCULLIS_CORS_ALLOWED_ORIGINS", "*")
                .env("PORTCULLIS_CORS_ALLOW_CREDENTIALS", "true").onlyProblem();

        assertThat(problem.keys()).containsExactly("cors.allow-credentials", "cors.allowed-origins");
    }
}
