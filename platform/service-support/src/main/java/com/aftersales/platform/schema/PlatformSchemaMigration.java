package com.aftersales.platform.schema;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;

import javax.sql.DataSource;

/**
 * Creates the platform tables (outbox, processed events, idempotency keys, audit log, partner deliveries) in the
 * service's database, after the service's own migrations. It keeps its own history table so that platform migrations
 * and the service's own {@code db/migration} scripts are versioned independently and never collide.
 */
public class PlatformSchemaMigration implements InitializingBean {

    static final String LOCATION = "classpath:db/platform";
    static final String HISTORY_TABLE = "platform_schema_history";

    private final DataSource dataSource;

    public PlatformSchemaMigration(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                // The service's own tables may already exist: start the platform history below V1.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                // Version numbers are handed out in ranges (per piece of work), not in landing order: a database that
                // already has a higher version still gets a lower one that landed later.
                .outOfOrder(true)
                .load()
                .migrate();
    }
}
