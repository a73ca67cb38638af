package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.registration.RegisterAccount;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.validation.FieldInput;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Shortcuts shared by the endpoint tests. */
public final class Flows {

    public static final String PASSWORD = "Xq7!vLp2#Rt9";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** The tokens of a login. */
    public record Tokens(String access, String refresh) {}

    private Flows() {}

    /** An address no other test of the run uses. */
    public static String uniqueEmail(String name) {
        return name + "-" + SEQUENCE.incrementAndGet() + "@example.com";
    }

    /** Registers through the use case (gender F, phone +15550001111), verified. */
    public static Account registered(TestApp app, String email) {
        registeredUnverified(app, email);
        app.markVerified(email);
        return app.account(email);
    }

    /** Registers through the use case, leaving the address unconfirmed. */
    public static Account registeredUnverified(TestApp app, String email) {
        var command = new RegisterAccount.Command(FieldInput.absent(), FieldInput.of(email), FieldInput.of(PASSWORD),
                FieldInput.of(PASSWORD),
                Map.of("gender", FieldInput.of("F"), "phone_number", FieldInput.of("+15550001111")));
        var outcome = app.register.register(command);
        assertThat(outcome).isInstanceOf(RegisterAccount.Outcome.Registered.class);
        return app.account(email);
    }

    public static Tokens logIn(ApiServer api, String email) {
        return logIn(api, email, PASSWORD);
    }

    public static Tokens logIn(ApiServer api, String email, String password) {
        Reply reply = api.post("/auth/login/").json(loginJson(email, password)).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return new Tokens(reply.text("access"), reply.text("refresh"));
    }

    public static String loginJson(String email, String password) {
        return "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}";
    }

    /** The body with the token values replaced by {@code <access>} and {@code <refresh>}. */
    public static String masked(Reply reply) {
        var json = reply.json();
        String body = reply.body();
        if (json.hasNonNull("access") && !json.get("access").asText().isEmpty()) {
            body = body.replace(json.get("access").asText(), "<access>");
        }
        if (json.hasNonNull("refresh") && !json.get("refresh").asText().isEmpty()) {
            body = body.replace(json.get("refresh").asText(), "<refresh>");
        }
        return body;
    }

    /** The user as the article's set-up shows it. */
    public static String userJson(Account account, String gender) {
        return "{\"pk\":" + account.id().value() + ",\"email\":\"" + account.email().orElseThrow().value()
                + "\",\"phone_number\":\"+15550001111\",\"gender\":\"" + gender + "\"}";
    }
}
