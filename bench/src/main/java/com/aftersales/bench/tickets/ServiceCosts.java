package com.aftersales.bench.tickets;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each process and database of the run spends: CPU time of each JVM (the kernel's utime + stime, as
 * {@link ProcessHandle.Info#totalCpuDuration()} reads it from {@code /proc/<pid>/stat}) and the SQL statements each
 * database executed, counted by {@code pg_stat_statements} (the benchmark preloads it into the embedded server, see
 * {@link #preload}) without transaction control (BEGIN, COMMIT, ROLLBACK, SET), plus its commits from
 * {@code pg_stat_database.xact_commit}. A {@link Snapshot} before and after a window gives the window's deltas.
 */
final class ServiceCosts {

    /** Statements that only frame a transaction or set a session variable; counted as commits instead. */
    private static final String NOT_TRANSACTION_CONTROL =
            "upper(split_part(ltrim(s.query), ' ', 1)) not in ('BEGIN', 'COMMIT', 'ROLLBACK', 'SET', 'SHOW', 'START')";

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

    /** Counters of a moment: CPU per process name, statements and commits per database. */
    record Snapshot(Map<String, Duration> cpu, Map<String, Long> statements, Map<String, Long> commits) {

        /** {@code this} minus {@code before}, name by name. */
        Snapshot since(Snapshot before) {
            Map<String, Duration> cpuDelta = new LinkedHashMap<>();
            cpu.forEach((name, value) -> cpuDelta.put(name, value.minus(before.cpu.getOrDefault(name, Duration.ZERO))));
            Map<String, Long> statementDelta = new LinkedHashMap<>();
            statements.forEach((db, value) -> statementDelta.put(db, value - before.statements.getOrDefault(db, 0L)));
            Map<String, Long> commitDelta = new LinkedHashMap<>();
            commits.forEach((db, value) -> commitDelta.put(db, value - before.commits.getOrDefault(db, 0L)));
            return new Snapshot(cpuDelta, statementDelta, commitDelta);
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
        try (Connection connection = DriverManager.getConnection(superuserJdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            for (String database : databases) {
                statements.put(database, 0L);
                commits.put(database, 0L);
            }
            try (ResultSet rows = statement.executeQuery("select d.datname, sum(s.calls) from pg_stat_statements s "
                    + "join pg_database d on d.oid = s.dbid where " + NOT_TRANSACTION_CONTROL + " group by d.datname")) {
                while (rows.next()) {
                    statements.computeIfPresent(rows.getString(1), (db, zero) -> uncheckedLong(rows, 2));
                }
            }
            // Statistics are sent at the end of a transaction and read from a snapshot: take a fresh one.
            statement.execute("select pg_stat_clear_snapshot()");
            try (ResultSet rows = statement.executeQuery("select datname, xact_commit from pg_stat_database")) {
                while (rows.next()) {
                    commits.computeIfPresent(rows.getString(1), (db, zero) -> uncheckedLong(rows, 2));
                }
            }
        }
        return new Snapshot(cpu, statements, commits);
    }

    private static long uncheckedLong(ResultSet rows, int column) {
        try {
            return rows.getLong(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
