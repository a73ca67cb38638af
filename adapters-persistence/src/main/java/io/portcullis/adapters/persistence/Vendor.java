package io.portcullis.adapters.persistence;

import java.util.Locale;

/**
 * The database products the adapter knows. The vendor picks the Flyway migration folder
 * ({@code db/migration/<id>}) and the MyBatis {@code databaseId}, so a mapper statement can have a
 * vendor-specific variant ({@code databaseId="oracle"}) beside the portable one.
 *
 * <p>Only {@link #H2} ships migrations today; opening a database of another vendor fails with a
 * message that says so until its folder is added.
 */
public enum Vendor {
    H2("h2", "jdbc:h2:"),
    POSTGRESQL("postgresql", "jdbc:postgresql:"),
    ORACLE("oracle", "jdbc:oracle:");

    private final String id;
    private final String urlPrefix;

    Vendor(String id, String urlPrefix) {
        this.id = id;
        this.urlPrefix = urlPrefix;
    }

    /** The folder name under {@code db/migration} and the MyBatis database id. */
    public String id() {
        return id;
    }

    /** The Flyway location of this vendor's migrations. */
    public String migrationLocation() {
        return "classpath:db/migration/" + id;
    }

    /**
     * The vendor of a JDBC URL, by its scheme.
     *
     * @throws IllegalArgumentException naming the scheme (never the rest of the URL, which may
     *     hold a password) when no vendor matches
     */
    public static Vendor fromUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        for (Vendor v : values()) {
            if (lower.startsWith(v.urlPrefix)) {
                return v;
            }
        }
        int second = url.indexOf(':', "jdbc:".length());
        String scheme = url.startsWith("jdbc:") && second > 0 ? url.substring(0, second + 1) : "(not a JDBC URL)";
        throw new IllegalArgumentException("unsupported database URL scheme " + scheme
                + "; supported are jdbc:h2:, jdbc:postgresql: and jdbc:oracle:");
    }
}
