package com.aftersales.bench.platform;

import com.aftersales.bench.BenchContext;
import com.aftersales.launcher.EmbeddedPlatform;
import com.aftersales.bench.feedback.CatchUpDiagnostics;
import com.aftersales.launcher.PlatformOptions;
import com.aftersales.launcher.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * One embedded platform (free ports, data in a temporary directory) shared by the benchmarks that need the whole
 * platform, so that a run of {@code bench/run} starts it once; {@link com.aftersales.bench.BenchMain} closes it.
 */
public final class SharedPlatform {

    private static EmbeddedPlatform platform;
    private static Path dataDir;
    private static Map<String, String> tokens = Map.of();

    private SharedPlatform() {
    }

    public static synchronized EmbeddedPlatform get(BenchContext context) {
        if (platform == null) {
            try {
                dataDir = Files.createTempDirectory("aftersales-bench-platform");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            PlatformOptions options = PlatformOptions.withFreePorts(context.projectRoot(), dataDir);
            if (CatchUpDiagnostics.enabled()) {
                // Preloaded libraries are read when the server starts: a first start writes the setting, the platform's loads it.
                try (PostgresServer server = PostgresServer.start(options.postgresDir(), options.postgresPort(),
                        options.logDir().resolve("postgres.log"))) {
                    CatchUpDiagnostics.preload(server.superuserJdbcUrl(), PostgresServer.SUPERUSER, PostgresServer.SUPERUSER_PASSWORD);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("could not preload pg_stat_statements", e);
                }
            }
            platform = EmbeddedPlatform.start(options);
            tokens = demoTokens(platform);
        }
        return platform;
    }

    /**
     * The bearer token of a role from {@code EmbeddedPlatform#demoTokens()} (security contract, issue 7), ADMIN's when
     * the role has none, empty while the platform issues no tokens.
     */
    public static synchronized Optional<String> bearer(String role) {
        return Optional.ofNullable(tokens.getOrDefault(role, tokens.get("ADMIN")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> demoTokens(EmbeddedPlatform platform) {
        try {
            Method demoTokens = EmbeddedPlatform.class.getMethod("demoTokens");
            return Map.copyOf((Map<String, String>) demoTokens.invoke(platform));
        } catch (NoSuchMethodException notYet) {
            return Map.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("EmbeddedPlatform#demoTokens() failed", e);
        }
    }

    public static synchronized void close() {
        if (platform != null) {
            platform.close();
            platform = null;
            try (var paths = Files.walk(dataDir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                System.err.println("could not delete " + dataDir + ": " + e);
            }
        }
    }
}
