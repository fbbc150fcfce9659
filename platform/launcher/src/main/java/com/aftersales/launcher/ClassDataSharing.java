package com.aftersales.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Class data sharing for the service JVMs. The laptop demo starts six Spring Boot JVMs on a few cores and most of their
 * start-up is loading and verifying the same classes every time; with the JIT limited to C1 (see
 * {@link ServiceProcess#DEFAULT_JVM_OPTS}) nothing else shortens it.
 * <p>
 * The exec jar is extracted once with Spring Boot's {@code -Djarmode=tools extract} (the application jar and {@code lib/}:
 * classes in nested jars cannot be archived, classes on a plain class path can). The first start of that jar records the
 * classes it loaded ({@code -XX:ArchiveClassesAtExit}, the JDK's dynamic archive, written when the JVM exits cleanly);
 * later starts map them ({@code -XX:SharedArchiveFile}). Everything lives next to the jar under
 * {@code target/cds/<jar size>-<jar time>/}: a rebuilt jar gets a new directory (older ones are removed) and
 * {@code mvn clean} removes them all. A JVM that cannot use an archive starts without it, as {@code -Xshare:auto} does.
 * {@code AFTERSALES_SERVICE_CDS=off} runs the exec jar as it is.
 */
final class ClassDataSharing {

    static final String VARIABLE = "AFTERSALES_SERVICE_CDS";
    static final String OFF = "off";
    static final String DIRECTORY = "cds";
    static final String ARCHIVE = "app.jsa";
    private static final String TRAINING_SUFFIX = ".training.jsa";
    private static final String RECORDING_LOG = "-Xlog:cds=error";
    private static final long EXTRACT_TIMEOUT_SECONDS = 120;

    private ClassDataSharing() {
    }

    /** How to start a service JVM: the jar to run, the options that go with it, and the archive it may record. */
    record Launch(Path jar, List<String> options, Path training) {

        static Launch plain(Path execJar) {
            return new Launch(execJar, List.of(), null);
        }

        /**
         * After the JVM has exited: a recording from a clean exit becomes the archive later starts map (the first one
         * wins when two instances recorded at once); one from a killed JVM may be incomplete and is dropped.
         */
        void finish(boolean cleanExit) {
            if (training == null || !Files.exists(training)) {
                return;
            }
            Path archive = training.resolveSibling(ARCHIVE);
            try {
                if (cleanExit && Files.size(training) > 0 && !Files.exists(archive)) {
                    Files.move(training, archive, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(training);
                }
            } catch (IOException e) {
                deleteQuietly(training);
            }
        }
    }

    static Launch prepare(Path execJar) {
        return prepare(execJar, System.getenv(VARIABLE));
    }

    static Launch prepare(Path execJar, String setting) {
        if (setting != null && OFF.equals(setting.trim().toLowerCase(Locale.ROOT))) {
            return Launch.plain(execJar);
        }
        try {
            Path home = execJar.toAbsolutePath().getParent().resolve(DIRECTORY);
            String key = Files.size(execJar) + "-" + Files.getLastModifiedTime(execJar).toMillis();
            Path extracted = home.resolve(key);
            if (!Files.isDirectory(extracted)) {
                extract(execJar, home, extracted);
                removeOthers(home, extracted);
            }
            Path jar = extracted.resolve(execJar.getFileName());
            Path archive = extracted.resolve(ARCHIVE);
            if (Files.isRegularFile(archive)) {
                return new Launch(jar, List.of("-XX:SharedArchiveFile=" + archive), null);
            }
            Path training = extracted.resolve(UUID.randomUUID() + TRAINING_SUFFIX);
            // The recording lists every class it cannot archive (generated accessors, classes failing verification) as a
            // warning at exit: a few hundred lines of the service log that say nothing wrong.
            return new Launch(jar, List.of("-XX:ArchiveClassesAtExit=" + training, RECORDING_LOG), training);
        } catch (IOException | RuntimeException e) {
            // Start-up speed is not worth a failed start: run the exec jar as built.
            System.err.println("aftersales: class data sharing off for " + execJar.getFileName() + " (" + e.getMessage() + ")");
            return Launch.plain(execJar);
        }
    }

    /** Extracts into a directory of its own and renames it into place, so two launchers never see half a tree. */
    private static void extract(Path execJar, Path home, Path extracted) throws IOException {
        Files.createDirectories(home);
        Path temporary = home.resolve(extracted.getFileName() + "." + UUID.randomUUID() + ".tmp");
        Path log = home.resolve(temporary.getFileName() + ".log");
        List<String> command = new ArrayList<>(List.of(ChildProcesses.javaExecutable(), "-Djarmode=tools", "-jar",
                execJar.toAbsolutePath().toString(), "extract", "--destination", temporary.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(EXTRACT_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("extracting the jar failed: " + LogFiles.tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while extracting the jar", e);
        } finally {
            Files.deleteIfExists(log);
        }
        try {
            Files.move(temporary, extracted, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
            // Another launcher extracted the same jar first: use its tree.
            deleteTree(temporary);
        }
    }

    /** Trees of earlier builds of the jar (and leftovers of interrupted extractions). */
    private static void removeOthers(Path home, Path keep) {
        try (Stream<Path> entries = Files.list(home)) {
            entries.filter(entry -> !entry.equals(keep) && !entry.getFileName().toString().endsWith(".tmp"))
                    .forEach(ClassDataSharing::deleteTree);
        } catch (IOException e) {
            // Only disk space is at stake.
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(ClassDataSharing::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Only disk space is at stake.
        }
    }
}
