package archfixture.application;

/** Breaks the rule: a use case that knows an adapter. */
public record RestAwareUseCase(archfixture.adapters.rest.ChattyResource resource) {}
