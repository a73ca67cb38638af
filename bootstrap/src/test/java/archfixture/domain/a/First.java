package archfixture.domain.a;

/** Half of a package cycle. */
public record First(archfixture.domain.b.Second second) {}
