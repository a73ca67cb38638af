package io.portcullis.application.port;

/** A social identity provider could not be asked: down, too slow, or answering outside its protocol. */
public final class ProviderUnavailableException extends RuntimeException {

    private final String provider;

    public ProviderUnavailableException(String provider, String reason, Throwable cause) {
        super(provider + ": " + reason, cause);
        this.provider = provider;
    }

    public String provider() {
        return provider;
    }
}
