package io.portcullis.domain.account;

/** The number that identifies an account: the {@code pk} and JWT {@code user_id} of the API. */
public record AccountId(long value) {

    public AccountId {
        if (value <= 0) {
            throw new IllegalArgumentException("an account id is a positive number, got " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
