package archfixture.domain;

/** Breaks the rule: the domain uses a framework type. */
public record LeakyAccount(jakarta.ws.rs.core.Response response) {}
