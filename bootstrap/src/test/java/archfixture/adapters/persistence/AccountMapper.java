package archfixture.adapters.persistence;

/** Breaks the rule: an adapter that depends on the composition root. */
public record AccountMapper(archfixture.bootstrap.Main main) {}
