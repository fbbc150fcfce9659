package com.aftersales.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from zonky's relocatable binaries, with a persistent data directory and a fixed
 * port. Unlike zonky's test defaults, commits are durable (fsync and synchronous_commit on) because the run
 * mode keeps its data across restarts. Works as root too: the zonky binaries then run initdb and postgres
 * in a user namespace ({@code unshare -U}), since PostgreSQL refuses to run as root.
 *
 * <p>Authentication is zonky's {@code trust} on the loopback interface: this is a developer server bound to
 * localhost. Roles still get passwords so that services use the same settings as in compose.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    public static final String SUPERUSER_PASSWORD = "postgres";
    public static final String MAINTENANCE_DATABASE = "postgres";
    public static final String HOST = "127.0.0.1";

    /** initdb on a cold machine (unpacking the binaries included) takes a few seconds; leave room for slow CI. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final String MAX_CONNECTIONS = "200";
    /** Database and role names come from PlatformService; they are still checked before going into DDL. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final int port;
    private final Duration startTime;

    private PostgresServer(EmbeddedPostgres postgres, int port, Duration startTime) {
        this.postgres = postgres;
        this.port = port;
        this.startTime = startTime;
    }

    /**
     * Starts PostgreSQL on {@code port} with its data in {@code dataDirectory} (created and initialised if
     * empty, reused otherwise) and its server log in {@code logFile}.
     */
    public static PostgresServer start(Path dataDirectory, int port, Path logFile) {
        Ports.requireFree(port, "PostgreSQL");
        long started = System.nanoTime();
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(logFile.getParent());
            ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", MAX_CONNECTIONS)
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .start();
            return new PostgresServer(postgres, port, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL did not start on port " + port + " with data in "
                    + dataDirectory + System.lineSeparator() + LogFiles.tail(logFile), e);
        }
    }

    /**
     * Creates, for each name that does not exist yet, a login role with that name and password and a
     * database of that name owned by it. Safe to call on every start.
     */
    public void ensureDatabases(Collection<String> names) {
        try (Connection connection = DriverManager.getConnection(superuserJdbcUrl(), SUPERUSER, SUPERUSER_PASSWORD)) {
            for (String name : names) {
                requireIdentifier(name);
                if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + name + "'");
                    }
                }
                if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE DATABASE " + name + " OWNER " + name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the service databases " + names, e);
        }
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(port, database);
    }

    public static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    public String superuserJdbcUrl() {
        return jdbcUrl(MAINTENANCE_DATABASE);
    }

    public int port() {
        return port;
    }

    /** Wall time of {@link #start}: initdb (first run only) plus server start-up. */
    public Duration startTime() {
        return startTime;
    }

    /** Fast shutdown ({@code pg_ctl stop -m fast}): open transactions roll back, committed data is on disk. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL on port " + port, e);
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain PostgreSQL identifier: " + name);
        }
    }
}
