package com.aftersales.e2e;

import com.aftersales.launcher.EmbeddedPlatform;
import com.aftersales.launcher.PlatformOptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One embedded platform with the demo data (free ports, its own data directory) shared by every test class that
 * declares {@code @ExtendWith(DemoPlatform.class)}: started before the first of them, stopped when the test run ends.
 * Starting the platform is the dearest part of these tests; classes that leave it running as they found it share it.
 * Classes run in their {@code @Order} (junit-platform.properties), so a class whose requests leave data behind (the
 * hostile-input sweep) comes after those that compare figures.
 */
public final class DemoPlatform implements BeforeAllCallback {

    /** Generous: five JVMs starting at once on two busy cores have taken more than the launcher's default 180 s. */
    static final java.time.Duration START_TIMEOUT = java.time.Duration.ofMinutes(6);

    private static volatile EmbeddedPlatform platform;

    /** The shared platform; only valid in a class extended with this extension. */
    public static EmbeddedPlatform platform() {
        if (platform == null) {
            throw new IllegalStateException("not started: extend the test class with @ExtendWith(DemoPlatform.class)");
        }
        return platform;
    }

    public static Path projectRoot() {
        return Path.of(System.getProperty("aftersales.projectRoot", "../..")).toAbsolutePath().normalize();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(DemoPlatform.class, key -> new Running(), Running.class);
    }

    /** Closed by JUnit when the root context closes, i.e. after the last test class. */
    private static final class Running implements AutoCloseable {

        private final Path dataDir;

        Running() {
            try {
                dataDir = Files.createTempDirectory("aftersales-e2e-demo");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            platform = EmbeddedPlatform.start(PlatformOptions.builder(projectRoot()).dataDir(dataDir).freePorts()
                    .loadDemoData(true).serviceStartTimeout(START_TIMEOUT).build());
        }

        @Override
        public void close() throws IOException {
            try {
                platform.close();
            } finally {
                platform = null;
                try (var files = Files.walk(dataDir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }
}
