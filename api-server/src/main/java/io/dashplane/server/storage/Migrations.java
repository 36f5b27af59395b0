package io.dashplane.server.storage;

import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Creates and upgrades the schema from the versioned scripts in classpath:db/migration. */
final class Migrations {
    private Migrations() {
    }

    static void apply(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(Map.of("now", Timestamps.format(Instant.now())))
                .load()
                .migrate();
    }
}
