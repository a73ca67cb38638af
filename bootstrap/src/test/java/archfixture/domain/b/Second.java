package archfixture.domain.b;

/** The other half of a package cycle. */
public record Second(archfixture.domain.a.First first) {}
