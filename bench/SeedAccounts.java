import io.portcullis.adapters.persistence.Database;
import io.portcullis.adapters.persistence.DatabaseSettings;
import io.portcullis.adapters.persistence.Vendor;
import io.portcullis.adapters.security.password.Argon2idPasswordHasher;
import io.portcullis.domain.account.EmailAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Seeds accounts bench-1@example.com ... bench-N@example.com, all with one password, into the
 * database of PORTCULLIS_DATABASE_URL (USER, PASSWORD; default: the embedded H2 file under ./data),
 * after migrating it as the service would. Run by bench/seed-accounts.sh with the service's jar
 * on the class path. Accounts that exist already are skipped, so a second run tops up.
 */
public final class SeedAccounts {

    private static final int BATCH = 5_000;

    public static void main(String[] args) throws SQLException {
        int count = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        String password = env("BENCH_PASSWORD", "Xq7!vLp2#Rt9");
        var settings = new DatabaseSettings(env("PORTCULLIS_DATABASE_URL", DatabaseSettings.DEFAULT_URL),
                env("PORTCULLIS_DATABASE_USER", "sa"), env("PORTCULLIS_DATABASE_PASSWORD", ""), 2,
                Duration.ofSeconds(10));
        String hash = new Argon2idPasswordHasher().hash(password).encoded();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        long started = System.nanoTime();
        try (Database database = Database.open(settings); Connection c = database.dataSource().getConnection()) {
            boolean oracle = database.vendor() == Vendor.ORACLE;
            int first = 1;
            while (first <= count && exists(c, first)) {
                first = Math.min(count + 1, first * 2);
            }
            first = firstMissing(c, first / 2, Math.min(first, count + 1));
            System.out.printf("%s: %d bench accounts present, adding %d (%s)%n", database.vendor().id(), first - 1,
                    Math.max(0, count - first + 1), settings.redactedUrl());
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO accounts (username, username_canonical,"
                    + " email, email_canonical, email_verified, active, password_hash, profile, created_at,"
                    + " last_login_at, password_changed_at, version)"
                    + " VALUES (NULL, NULL, ?, ?, ?, ?, ?, ?, ?, NULL, ?, 0)")) {
                for (int n = first; n <= count; n++) {
                    String email = "bench-" + n + "@example.com";
                    insert.setString(1, email);
                    insert.setString(2, new EmailAddress(email).canonical());
                    if (oracle) {
                        insert.setInt(3, 1);
                        insert.setInt(4, 1);
                    } else {
                        insert.setBoolean(3, true);
                        insert.setBoolean(4, true);
                    }
                    insert.setString(5, hash);
                    insert.setString(6, "{}");
                    insert.setObject(7, now);
                    insert.setObject(8, now);
                    insert.addBatch();
                    if ((n - first + 1) % BATCH == 0 || n == count) {
                        insert.executeBatch();
                        c.commit();
                    }
                    if (n % 100_000 == 0) {
                        System.out.printf("  %,d accounts, %d s%n", n, (System.nanoTime() - started) / 1_000_000_000L);
                    }
                }
            }
        }
        System.out.printf("done in %d s%n", (System.nanoTime() - started) / 1_000_000_000L);
    }

    /** The first n in [low, high] whose bench account is missing (accounts are added in order). */
    private static int firstMissing(Connection c, int low, int high) throws SQLException {
        low = Math.max(1, low);
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (exists(c, mid)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static boolean exists(Connection c, int n) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM accounts WHERE email_canonical = ?")) {
            s.setString(1, "bench-" + n + "@example.com");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
