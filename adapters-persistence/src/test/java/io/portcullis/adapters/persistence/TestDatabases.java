package io.portcullis.adapters.persistence;

import java.time.Duration;
import java.util.UUID;

/** Fresh in-memory H2 databases for tests. */
final class TestDatabases {

    private TestDatabases() {}

    static DatabaseSettings inMemory() {
        return new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 25,
                Duration.ofSeconds(10));
    }

    static Database open() {
        return Database.open(inMemory());
    }
}
