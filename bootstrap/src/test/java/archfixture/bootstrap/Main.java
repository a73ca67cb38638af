package archfixture.bootstrap;

public record Main(String name) {}
