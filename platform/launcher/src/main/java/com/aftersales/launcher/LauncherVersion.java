package com.aftersales.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The project version, read from {@code launcher.properties} that Maven filters at build time. The
 * service modules share the launcher's version, so this is the one place the exec jar names come from.
 */
public final class LauncherVersion {

    private static final String RESOURCE = "/launcher.properties";
    private static final String EXEC_JAR_SUFFIX = "-exec.jar";

    private static final String VERSION = load();

    private LauncherVersion() {
    }

    public static String version() {
        return VERSION;
    }

    /** {@code <projectRoot>/<directory>/target/<module>-<version>-exec.jar}: what spring-boot-maven-plugin repackages. */
    public static Path execJar(Path projectRoot, PlatformService service) {
        return projectRoot.resolve(service.directory()).resolve("target")
                .resolve(service.module() + "-" + VERSION + EXEC_JAR_SUFFIX);
    }

    private static String load() {
        try (InputStream in = LauncherVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the launcher's class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            if (version == null || version.isBlank() || version.startsWith("@")) {
                throw new IllegalStateException(RESOURCE + " was not filtered by Maven: " + version);
            }
            return version.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
