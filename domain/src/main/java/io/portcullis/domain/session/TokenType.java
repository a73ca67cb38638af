package io.portcullis.domain.session;

/** The {@code token_type} claim. */
public enum TokenType {
    ACCESS("access"),
    REFRESH("refresh");

    private final String claim;

    TokenType(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    public static java.util.Optional<TokenType> fromClaim(String claim) {
        for (TokenType type : values()) {
            if (type.claim.equals(claim)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }
}
