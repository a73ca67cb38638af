package archfixture.stray;

/** Breaks the rule: a class in no layer. */
public record Orphan(String name) {}
