package com.aftersales.bench.feedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Benchmark-only diagnostics of the KPI catch-up on PostgreSQL's side, when {@value #VARIABLE}=1: the server is started
 * with {@code pg_stat_statements} preloaded (see {@link com.aftersales.bench.platform.SharedPlatform}); over the
 * catch-up it samples {@code pg_stat_activity} (state, wait event and statement of every non-idle process), reads the
 * scheduler's CPU and run-queue times of the feedback-service JVM's threads and of the PostgreSQL processes
 * ({@code /proc/<pid>/task/<tid>/schedstat}), and prints the feedback database's statements by time, its commits and
 * the server's WAL and checkpoints. A sampled run perturbs what it measures: its figures are diagnostics, not figures.
 */
public final class CatchUpDiagnostics implements AutoCloseable {

    static final String VARIABLE = "BENCH_PG_STATS";
    /** Sampling period of pg_stat_activity: fine enough for statements of a few ms, light enough for two cores. */
    private static final long SAMPLE_MS = 10;
    private static final int TOP = 20;

    private final String url;
    private final String user;
    private final String password;
    private final long servicePid;
    private final Map<String, Integer> samples = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sampler;
    private int sampleCount;
    private Map<String, Map<Long, long[]>> schedBefore;
    private Map<String, long[]> threadsBefore;
    /** The processes whose scheduler times are read, fixed at the start so that both readings sum the same ones. */
    private final List<Long> feedbackBackends = new ArrayList<>();
    private final List<Long> otherPostgres = new ArrayList<>();
    private Map<String, Long> countersBefore;
    private long startNanos;

    public static boolean enabled() {
        return "1".equals(System.getenv(VARIABLE));
    }

    /** Writes the preload into a fresh server's configuration; it takes effect on the server's next start. */
    public static void preload(String superuserJdbcUrl, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(superuserJdbcUrl, user, password); Statement s = c.createStatement()) {
            s.execute("alter system set shared_preload_libraries = 'pg_stat_statements'");
            s.execute("alter system set track_io_timing = on");
            s.execute("alter system set track_wal_io_timing = on");
        }
    }

    /** Starts sampling now: statement statistics reset, scheduler times and server counters taken. */
    CatchUpDiagnostics(String feedbackJdbcUrl, String user, String password, long servicePid) throws SQLException {
        this.url = feedbackJdbcUrl;
        this.user = user;
        this.password = password;
        this.servicePid = servicePid;
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
            countersBefore = counters(s);
            try (ResultSet rs = s.executeQuery("select pid, coalesce(datname = current_database() and backend_type = 'client backend', false)"
                    + " from pg_stat_activity where pid <> pg_backend_pid()")) {
                while (rs.next()) {
                    (rs.getBoolean(2) ? feedbackBackends : otherPostgres).add(rs.getLong(1));
                }
            }
            schedBefore = sched();
            threadsBefore = threads(servicePid);
        }
        startNanos = System.nanoTime();
        sampler = new Thread(this::sample, "pg-activity-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            while (running.get()) {
                try (ResultSet rs = s.executeQuery("""
                        select coalesce(datname, '-'), backend_type, coalesce(state, '-'),
                               coalesce(wait_event_type || ':' || wait_event, 'CPU'), regexp_replace(left(query, 70), '\\s+', ' ', 'g')
                        from pg_stat_activity where pid <> pg_backend_pid()
                          and (state is null or state <> 'idle') and backend_type not in ('walwriter', 'archiver')
                          and not (backend_type in ('checkpointer', 'background writer', 'autovacuum launcher',
                                   'logical replication launcher') and wait_event in ('CheckpointerMain', 'BgWriterMain',
                                   'BgWriterHibernate', 'AutovacuumMain', 'LogicalLauncherMain'))""")) {
                    synchronized (samples) {
                        sampleCount++;
                        while (rs.next()) {
                            String key = rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3) + " | " + rs.getString(4)
                                    + " | " + (rs.getString(3).equals("active") ? rs.getString(5) : "");
                            samples.merge(key, 1, Integer::sum);
                        }
                    }
                }
                Thread.sleep(SAMPLE_MS);
            }
        } catch (SQLException | InterruptedException e) {
            System.err.println("pg_stat_activity sampling stopped: " + e);
        }
    }

    /** Stops sampling and prints what the window cost. */
    @Override
    public void close() throws Exception {
        running.set(false);
        sampler.join();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            Map<String, Map<Long, long[]>> schedAfter = sched();
            Map<String, Long> countersAfter = counters(s);
            System.out.printf(Locale.ROOT, "[%s] diagnostic window %.2f s (restart done -> backlog applied)%n", VARIABLE, seconds);
            schedAfter.forEach((group, after) -> {
                Map<Long, long[]> before = schedBefore.get(group);
                long[] delta = new long[2];
                after.forEach((pid, now) -> {
                    long[] then = before.get(pid);
                    if (then != null) {
                        delta[0] += now[0] - then[0];
                        delta[1] += now[1] - then[1];
                    }
                });
                System.out.printf(Locale.ROOT, "[%s] %-36s on CPU %8.1f ms, waiting in the run queue %8.1f ms%n", VARIABLE, group,
                        delta[0] / 1e6, delta[1] / 1e6);
            });
            Map<String, long[]> threadsAfter = threads(servicePid);
            System.out.printf(Locale.ROOT, "[%s] feedback-service JVM by thread name (ms on CPU, ms in the run queue):%n", VARIABLE);
            threadsAfter.entrySet().stream().map(e -> {
                long[] then = threadsBefore.getOrDefault(e.getKey(), new long[2]);
                return Map.entry(e.getKey(), new long[]{e.getValue()[0] - then[0], e.getValue()[1] - then[1]});
            }).sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(TOP).forEach(e -> System.out.printf(Locale.ROOT,
                    "[%s]   %-18s %8.1f %8.1f%n", VARIABLE, e.getKey(), e.getValue()[0] / 1e6, e.getValue()[1] / 1e6));
            countersAfter.forEach((name, after) -> System.out.printf(Locale.ROOT, "[%s] %-36s %d%n", VARIABLE, name,
                    after - countersBefore.getOrDefault(name, 0L)));
            System.out.printf(Locale.ROOT, "[%s] pg_stat_activity: %d samples every %d ms; non-idle processes seen (db | type | state | "
                    + "wait | statement):%n", VARIABLE, sampleCount, SAMPLE_MS);
            synchronized (samples) {
                samples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP * 2)
                        .forEach(e -> System.out.printf(Locale.ROOT, "[%s] %6d  %s%n", VARIABLE, e.getValue(), e.getKey()));
            }
            System.out.printf(Locale.ROOT, "[%s] feedback statements by total time (calls, total ms, mean ms, rows, shared blocks "
                    + "hit/read/dirtied, block read ms):%n", VARIABLE);
            try (ResultSet rs = s.executeQuery("""
                    select calls, total_exec_time, mean_exec_time, rows, shared_blks_hit, shared_blks_read, shared_blks_dirtied,
                           shared_blk_read_time, regexp_replace(left(query, 110), '\\s+', ' ', 'g')
                    from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
                    order by total_exec_time desc limit %d""".formatted(TOP))) {
                while (rs.next()) {
                    System.out.printf(Locale.ROOT, "[%s] %6d %9.1f %8.2f %8d %8d/%d/%d %7.1f  %s%n", VARIABLE, rs.getLong(1), rs.getDouble(2),
                            rs.getDouble(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getDouble(8), rs.getString(9));
                }
            }
        }
    }

    /** Commits of the feedback database, the server's WAL and checkpoints (cumulative). */
    private static Map<String, Long> counters(Statement s) throws SQLException {
        Map<String, Long> counters = new LinkedHashMap<>();
        s.execute("select pg_stat_clear_snapshot()");
        row(s, "select xact_commit, xact_rollback, blks_read, blks_hit from pg_stat_database"
                + " where datname = current_database()", counters,
                "feedback xact_commit", "feedback xact_rollback", "feedback blks_read", "feedback blks_hit");
        row(s, "select wal_records, wal_fpi, wal_bytes, wal_write, wal_sync, wal_write_time, wal_sync_time"
                + " from pg_stat_wal", counters,
                "server wal_records", "server wal_fpi (full-page images)", "server wal_bytes", "server wal_write",
                "server wal_sync (fsyncs)", "server wal_write_time ms", "server wal_sync_time ms");
        row(s, "select num_timed + num_requested, write_time, sync_time, buffers_written from pg_stat_checkpointer",
                counters, "server checkpoints", "server checkpoint write ms", "server checkpoint sync ms",
                "server checkpoint buffers");
        row(s, "select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'", counters,
                "autovacuum workers now (not a delta)");
        return counters;
    }

    /** The one row of {@code sql}, its columns under {@code names} in order (times in ms cut to whole ms). */
    private static void row(Statement s, String sql, Map<String, Long> counters, String... names) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            for (int i = 0; i < names.length; i++) {
                counters.put(names[i], ((Number) rs.getObject(i + 1)).longValue());
            }
        }
    }

    /**
     * CPU and run-queue nanoseconds so far of each process (all its threads): the service JVM, feedback's backends, the
     * other PostgreSQL processes; a process gone since the start is left out of both readings.
     */
    private Map<String, Map<Long, long[]>> sched() {
        Map<String, Map<Long, long[]>> groups = new LinkedHashMap<>();
        groups.put("feedback-service JVM", schedOf(List.of(servicePid)));
        groups.put("feedback db backends (" + feedbackBackends.size() + ")", schedOf(feedbackBackends));
        groups.put("other postgres processes (" + otherPostgres.size() + ")", schedOf(otherPostgres));
        return groups;
    }

    /** A process's threads by name ({@code comm}, 15 characters), those of one name summed: ns on CPU, ns in the run queue. */
    private static Map<String, long[]> threads(long pid) {
        Map<String, long[]> byName = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+", "#");
                    String[] fields = Files.readString(task.resolve("schedstat")).trim().split(" ");
                    long[] sum = byName.computeIfAbsent(name, n -> new long[2]);
                    sum[0] += Long.parseLong(fields[0]);
                    sum[1] += Long.parseLong(fields[1]);
                } catch (IOException gone) {
                    // the thread ended between listing and reading
                }
            }
        } catch (IOException gone) {
            // the process ended
        }
        return byName;
    }

    /** Per pid, its threads summed: {@code schedstat}'s first two fields, ns on CPU and ns runnable but waiting. */
    private static Map<Long, long[]> schedOf(List<Long> pids) {
        Map<Long, long[]> byPid = new HashMap<>();
        for (long pid : pids) {
            long[] sum = new long[2];
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String[] fields = Files.readString(task.resolve("schedstat")).trim().split(" ");
                        sum[0] += Long.parseLong(fields[0]);
                        sum[1] += Long.parseLong(fields[1]);
                    } catch (IOException gone) {
                        // the thread ended between listing and reading
                    }
                }
                byPid.put(pid, sum);
            } catch (IOException gone) {
                // the process ended (a backend closed by the pool)
            }
        }
        return byPid;
    }
}
