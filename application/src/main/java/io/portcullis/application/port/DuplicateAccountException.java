package io.portcullis.application.port;

/** A write would give two accounts the same address or username. */
public final class DuplicateAccountException extends RuntimeException {

    /** Which unique attribute collided. */
    public enum Attribute {
        EMAIL,
        USERNAME
    }

    private final Attribute attribute;

    public DuplicateAccountException(Attribute attribute) {
        super("another account already has this " + attribute.name().toLowerCase(java.util.Locale.ROOT));
        this.attribute = attribute;
    }

    public Attribute attribute() {
        return attribute;
    }
}
