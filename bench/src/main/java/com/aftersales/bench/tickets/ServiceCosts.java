package com.aftersales.bench.tickets;

import com.aftersales.launcher.PostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each process and database of the run spends: CPU time of each JVM (the kernel's utime + stime, as
 * {@link ProcessHandle.Info#totalCpuDuration()} reads it from {@code /proc/<pid>/stat}) and the SQL statements each
 * database executed, counted by {@code pg_stat_statements} (the benchmark preloads it into the embedded server, see
 * {@link #preload}) without transaction control (BEGIN, COMMIT, ROLLBACK, SET), plus its commits from
 * {@code pg_stat_database.xact_commit}. A {@link Snapshot} before and after a window gives the window's deltas.
 * <p>
 * Beside the totals it keeps the calls of each statement text of each database (to see which statements a ticket
 * costs) and, in a database with the platform's inbox, the {@code processed_event} markers of each consumer group and
 * event type (which consumers handle which events). Only the services' own roles are counted: the superuser's reads of
 * {@code processed_event} here do not add to a database's statements.
 */
final class ServiceCosts {

    /** Statements that only frame a transaction or set a session variable; counted as commits instead. */
    private static final String NOT_TRANSACTION_CONTROL =
            "upper(split_part(ltrim(s.query), ' ', 1)) not in ('BEGIN', 'COMMIT', 'ROLLBACK', 'SET', 'SHOW', 'START')";
    /** The benchmark's own connections (this class's reads) are not a service's statements. */
    private static final String NOT_SUPERUSER = "s.userid <> (select oid from pg_roles where rolname = current_user)";

    private final String superuserJdbcUrl;
    private final String user;
    private final String password;

    private ServiceCosts(String superuserJdbcUrl, String user, String password) {
        this.superuserJdbcUrl = superuserJdbcUrl;
        this.user = user;
        this.password = password;
    }

    /**
     * Writes {@code shared_preload_libraries = 'pg_stat_statements'} into a fresh server's configuration
     * ({@code postgresql.auto.conf}); the server loads it on its next start.
     */
    static void preload(String superuserJdbcUrl, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(superuserJdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("alter system set shared_preload_libraries = 'pg_stat_statements'");
        }
    }

    /** Costs on a started server, creating the extension's view in the maintenance database. */
    static ServiceCosts on(String superuserJdbcUrl, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(superuserJdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
        }
        return new ServiceCosts(superuserJdbcUrl, user, password);
    }

    /**
     * Counters of a moment: CPU per process name, statements and commits per database, and per database the calls of
     * each statement text and the inbox markers of each consumer group and event type.
     */
    record Snapshot(Map<String, Duration> cpu, Map<String, Long> statements, Map<String, Long> commits,
                    Map<String, Map<String, Long>> calls, Map<String, Map<String, Long>> markers) {

        /** {@code this} minus {@code before}, name by name. */
        Snapshot since(Snapshot before) {
            Map<String, Duration> cpuDelta = new LinkedHashMap<>();
            cpu.forEach((name, value) -> cpuDelta.put(name, value.minus(before.cpu.getOrDefault(name, Duration.ZERO))));
            return new Snapshot(cpuDelta, minus(statements, before.statements), minus(commits, before.commits),
                    minusEach(calls, before.calls), minusEach(markers, before.markers));
        }

        private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
            Map<String, Long> delta = new LinkedHashMap<>();
            after.forEach((key, value) -> delta.put(key, value - before.getOrDefault(key, 0L)));
            return delta;
        }

        private static Map<String, Map<String, Long>> minusEach(Map<String, Map<String, Long>> after,
                                                                Map<String, Map<String, Long>> before) {
            Map<String, Map<String, Long>> delta = new LinkedHashMap<>();
            after.forEach((db, counts) -> delta.put(db, minus(counts, before.getOrDefault(db, Map.of()))));
            return delta;
        }

        /** The {@code limit} statement texts of {@code database} with the most calls, most first. */
        List<Map.Entry<String, Long>> topStatements(String database, int limit) {
            return calls.getOrDefault(database, Map.of()).entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(limit).toList();
        }

        double cpuMillis(String process) {
            return cpu.getOrDefault(process, Duration.ZERO).toNanos() / 1e6;
        }
    }

    /** CPU of each named process and the statements and commits of each database in {@code databases}. */
    Snapshot take(Map<String, Long> pids, List<String> databases) throws SQLException {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> cpu.put(name, ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("no CPU time for " + name + " (pid " + pid + ")"))));
        Map<String, Long> statements = new LinkedHashMap<>();
        Map<String, Long> commits = new LinkedHashMap<>();
        Map<String, Map<String, Long>> calls = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(superuserJdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            for (String database : databases) {
                statements.put(database, 0L);
                commits.put(database, 0L);
            }
            for (String database : databases) {
                calls.put(database, new TreeMap<>());
            }
            // One line per statement text: the same text can have several entries (one per role or top-level flag).
            try (ResultSet rows = statement.executeQuery("select d.datname, s.query, sum(s.calls) from pg_stat_statements s "
                    + "join pg_database d on d.oid = s.dbid where " + NOT_TRANSACTION_CONTROL + " and " + NOT_SUPERUSER
                    + " group by d.datname, s.query")) {
                while (rows.next()) {
                    Map<String, Long> ofDatabase = calls.get(rows.getString(1));
                    if (ofDatabase != null) {
                        ofDatabase.merge(oneLine(rows.getString(2)), rows.getLong(3), Long::sum);
                    }
                }
            }
            calls.forEach((db, counts) -> statements.put(db, counts.values().stream().mapToLong(Long::longValue).sum()));
            // Statistics are sent at the end of a transaction and read from a snapshot: take a fresh one.
            statement.execute("select pg_stat_clear_snapshot()");
            try (ResultSet rows = statement.executeQuery("select datname, xact_commit from pg_stat_database")) {
                while (rows.next()) {
                    commits.computeIfPresent(rows.getString(1), (db, zero) -> uncheckedLong(rows, 2));
                }
            }
        }
        Map<String, Map<String, Long>> markers = new LinkedHashMap<>();
        for (String database : databases) {
            markers.put(database, markers(database));
        }
        return new Snapshot(cpu, statements, commits, calls, markers);
    }

    /** {@code processed_event} rows per "consumer group, event type" in a database with the platform's inbox. */
    private Map<String, Long> markers(String database) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        String url = superuserJdbcUrl.replace("/" + PostgresServer.MAINTENANCE_DATABASE, "/" + database);
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("select to_regclass('processed_event') is not null")) {
                if (!exists.next() || !exists.getBoolean(1)) {
                    return counts;
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "select consumer, event_type, count(*) from processed_event group by consumer, event_type")) {
                while (rows.next()) {
                    counts.put(rows.getString(1) + " " + rows.getString(2), rows.getLong(3));
                }
            }
        }
        return counts;
    }

    /** A statement's text on one line, whitespace runs collapsed. */
    static String oneLine(String query) {
        return query.strip().replaceAll("\\s+", " ");
    }

    private static long uncheckedLong(ResultSet rows, int column) {
        try {
            return rows.getLong(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
