package com.aftersales.bench.tickets;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Stored tickets written in bulk straight into ticket-service's tables, for measuring how intake and the ticket list
 * behave as the table grows. Each loaded ticket is a row of {@code ticket} (columns and values as intake writes them;
 * {@code product_id} left null as for tickets opened before units were registered), its {@code OPENED} timeline entry
 * and its {@code RESOLUTION} SLA clock, generated server-side ({@code INSERT ... SELECT} over
 * {@code generate_series}, one chunk per transaction). The spread: opened over the last two years, evenly; tickets of
 * the last week in the working statuses, older ones closed; 100,000 customers, 60 models, 300 stores, 40 regions.
 */
final class TicketGrowth {

    /** Rows per INSERT statement and transaction: large enough for speed, small enough to show progress. */
    static final int CHUNK = 100_000;
    /** The span over which loaded tickets were opened. */
    private static final int HISTORY_DAYS = 730;
    /** Tickets opened within this many days are still being worked on; older ones are closed. */
    private static final int WORKING_DAYS = 7;
    private static final int CUSTOMERS = 100_000;
    private static final int MODELS = 60;
    private static final int STORES = 300;
    private static final int REGIONS = 40;
    /** The resolution clock's target, a week ({@code aftersales.ticket.sla.defaults.resolution}), in seconds. */
    private static final long RESOLUTION_SECONDS = Duration.ofDays(7).toSeconds();
    /** Share of the resolution target at which the clock warns ({@code warning-ratio}). */
    private static final double WARNING_RATIO = 0.8;

    private static final String LOAD = """
            with generated as (
                select gen_random_uuid() as id, now() - random() * interval '%1$d days' as opened_at,
                       (random() * %2$d)::int as customer, (random() * 1000000)::int as n, random() as pick
                from generate_series(1, ?)
            ), tickets as (
                insert into ticket (id, customer_id, serial_number, model, ticket_type, channel, priority, fault_category,
                                    fault_description, status, opened_at, updated_at, version, product_category,
                                    store_code, customer_tier, region_code, entitlement, entitlement_rule,
                                    entitlement_reason, closed_at)
                select id, md5('growth-customer-' || customer)::uuid, 'GS-' || substr(id::text, 1, 13),
                       'GROWTH-' || (n %% %3$d), (array['REPAIR', 'REPAIR', 'REPAIR', 'INSTALLATION', 'COMPLAINT'])[1 + n %% 5],
                       (array['PHONE', 'PHONE', 'STORE', 'WEB'])[1 + n %% 4], 'NORMAL', 'COOLING',
                       'Loaded by the ticket-intake growth benchmark',
                       case when opened_at > now() - interval '%4$d days'
                            then (array['OPEN', 'AWAITING_TECHNICIAN', 'TECHNICIAN_ASSIGNED', 'ON_SITE', 'RESOLVED'])[1 + floor(pick * 5)::int]
                            else 'CLOSED' end,
                       opened_at, opened_at, 0, 'AIR_CONDITIONER', 'ST-' || lpad((n %% %5$d)::text, 3, '0'),
                       (array['A', 'B', 'B', 'C'])[1 + n %% 4], '3100' || lpad((n %% %6$d)::text, 2, '0'),
                       'IN_WARRANTY', 'within-warranty-period', 'Purchased within the warranty period',
                       case when opened_at > now() - interval '%4$d days' then null else opened_at + interval '3 days' end
                from generated
                returning id, opened_at, closed_at
            ), timeline as (
                insert into ticket_timeline (ticket_id, occurred_at, kind, to_status, actor, reason)
                select id, opened_at, 'OPENED', 'OPEN', 'growth-loader', 'Opened by phone'
                from tickets
            )
            insert into sla_clock (ticket_id, clock, target_seconds, rule, started_at, due_at, warn_at, state, stopped_at,
                                   time_basis)
            select id, 'RESOLUTION', %7$d, 'default', opened_at, opened_at + interval '%7$d seconds',
                   opened_at + interval '%8$d seconds', case when closed_at is null then 'RUNNING' else 'MET' end,
                   closed_at, 'CALENDAR_DAYS'
            from tickets""".formatted(HISTORY_DAYS, CUSTOMERS - 1, MODELS, WORKING_DAYS, STORES, REGIONS,
            RESOLUTION_SECONDS, (long) (RESOLUTION_SECONDS * WARNING_RATIO));

    private final String jdbcUrl;
    private final String user;
    private final String password;

    TicketGrowth(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    long stored() throws SQLException {
        return count("select count(*) from ticket");
    }

    long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Adds generated tickets until {@code target} are stored, then vacuums and analyzes the three tables (as autovacuum
     * would after such a load, so that the measurement does not run beside it). Returns the wall time of the load
     * and of the vacuum; nothing is added when {@code target} are stored already.
     */
    Duration[] loadUpTo(long target, long seed) throws SQLException {
        long missing = target - stored();
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            try (PreparedStatement setSeed = connection.prepareStatement("select setseed(?)")) {
                setSeed.setDouble(1, (seed % Integer.MAX_VALUE) / (double) Integer.MAX_VALUE);
                setSeed.execute();
            }
            try (PreparedStatement load = connection.prepareStatement(LOAD)) {
                while (missing > 0) {
                    int rows = (int) Math.min(CHUNK, missing);
                    load.setInt(1, rows);
                    load.executeUpdate();
                    missing -= rows;
                }
            }
            Duration loaded = Duration.ofNanos(System.nanoTime() - started);
            long vacuumStarted = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("vacuum analyze ticket, ticket_timeline, sla_clock");
            }
            return new Duration[] {loaded, Duration.ofNanos(System.nanoTime() - vacuumStarted)};
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The plan PostgreSQL chooses for a query, one line per node. */
    String explain(String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("explain (analyze, buffers) " + sql)) {
            while (rows.next()) {
                plan.append("    ").append(rows.getString(1)).append(System.lineSeparator());
            }
        }
        return plan.toString();
    }
}
