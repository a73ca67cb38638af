package io.portcullis.adapters.persistence;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SQL dialects the adapter speaks, picked from the JDBC URL. The vendor picks the Flyway
 * migration folder ({@code db/migration/<id>}) and the MyBatis {@code databaseId}, so a mapper
 * statement can have a vendor-specific variant ({@code databaseId="oracle"}) beside the portable
 * one, which every vendor without a variant runs.
 *
 * <p>An H2 URL that asks for Oracle compatibility ({@code ;MODE=Oracle}) is taken as
 * {@link #ORACLE}: H2 then runs the Oracle migrations and statements. That is how the Oracle
 * dialect is tested on machines without an Oracle server (see {@code docs/databases.md} for what
 * that does and does not prove).
 */
public enum Vendor {
    H2("h2", "jdbc:h2:"),
    POSTGRESQL("postgresql", "jdbc:postgresql:"),
    ORACLE("oracle", "jdbc:oracle:");

    private static final Pattern H2_ORACLE_MODE = Pattern.compile(";\\s*MODE\\s*=\\s*ORACLE\\s*(;|$)");

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
     * The vendor of a JDBC URL, by its scheme; an H2 URL with {@code MODE=Oracle} is
     * {@link #ORACLE}.
     *
     * @throws IllegalArgumentException naming the scheme (never the rest of the URL, which may
     *     hold a password) when no vendor matches
     */
    public static Vendor fromUrl(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        if (isH2(url) && H2_ORACLE_MODE.matcher(upper).find()) {
            return ORACLE;
        }
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

    /** True for every H2 URL, whatever dialect it asks for. */
    static boolean isH2(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith(H2.urlPrefix);
    }
}
