package com.aftersales.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Backup and restore of the embedded platform: every PostgreSQL data directory (one cluster, or one per service), the
 * Kafka log directory and the demo security material, copied while the platform is stopped.
 * <p>
 * Why cold and whole: with nothing running, every database and every topic, with the consumer groups' committed
 * offsets, are at the same instant, so a restore brings the platform back to one consistent point: no outbox row is
 * published twice, no consumer skips or repeats an event, no service holds references to work another lost
 * (docs/recovery.md explains what restoring one database of a running platform means instead). A shut-down PostgreSQL
 * cluster's files are a valid physical backup; the copy is the cluster as it was, for the same PostgreSQL version.
 * <p>
 * Every file goes with its SHA-256 in {@code MANIFEST.sha256} ({@code sha256sum -c} reads it) and every directory is
 * listed in {@code DIRECTORIES}; a restore checks every file before it touches the data directory, and keeps what it
 * replaces in {@code replaced-<time>/}.
 */
public final class PlatformBackup {

    static final String MANIFEST = "MANIFEST.sha256";
    /** Every directory, empty ones included (PostgreSQL needs its empty pg_notify, pg_snapshots...). */
    static final String DIRECTORIES = "DIRECTORIES";
    static final String REPLACED_PREFIX = "replaced-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** PostgreSQL writes this file while it runs. */
    private static final String POSTMASTER_PID = "postmaster.pid";

    /** What a backup or a restore did. */
    public record Result(Path directory, List<String> parts, int files, long bytes, Duration took) {
    }

    private PlatformBackup() {
    }

    /**
     * The directories of the data directory that hold state: PostgreSQL ({@code postgres}, {@code postgres-*}), Kafka,
     * and {@code security} (the demo logins, partner passwords and the authorization server's keys that go with the data).
     */
    static List<String> parts(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> name.equals("kafka") || name.equals("security") || name.equals("postgres")
                            || name.startsWith("postgres-"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the stopped platform's state from {@code dataDir} into {@code target} (created; must be empty).
     *
     * @param ports the platform's PostgreSQL and Kafka ports, which must be free (nothing running)
     */
    public static Result backup(Path dataDir, Path target, Collection<Integer> ports) {
        long started = System.nanoTime();
        List<String> parts = parts(dataDir);
        if (parts.isEmpty()) {
            throw new IllegalStateException("Nothing to back up in " + dataDir + ": no postgres or kafka directory");
        }
        requireStopped(dataDir, parts, ports);
        requireEmpty(target);
        Map<String, String> sums = new LinkedHashMap<>();
        List<String> directories = new ArrayList<>();
        long bytes = 0;
        for (String part : parts) {
            for (Path directory : directories(dataDir.resolve(part))) {
                directories.add(dataDir.relativize(directory).toString().replace('\\', '/'));
            }
            for (Path file : files(dataDir.resolve(part))) {
                String relative = dataDir.relativize(file).toString().replace('\\', '/');
                Path copy = target.resolve(relative);
                bytes += copyWithDigest(file, copy, sums, relative);
            }
        }
        writeManifest(target, sums);
        write(target.resolve(DIRECTORIES), String.join("\n", directories) + "\n");
        return new Result(target, parts, sums.size(), bytes, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Replaces the platform's state in {@code dataDir} by the backup in {@code backup}, after checking every file of the
     * backup against its manifest. What it replaces is moved to {@code dataDir/replaced-<time>/}, not deleted.
     */
    public static Result restore(Path backup, Path dataDir, Collection<Integer> ports, Clock clock) {
        long started = System.nanoTime();
        Map<String, String> sums = readManifest(backup);
        List<String> directories = readDirectories(backup);
        long bytes = verify(backup, sums);
        List<String> parts = sums.keySet().stream().map(path -> path.substring(0, path.indexOf('/'))).distinct().sorted().toList();
        requireStopped(dataDir, parts(dataDir), ports);
        try {
            Files.createDirectories(dataDir);
            Path replaced = dataDir.resolve(REPLACED_PREFIX + STAMP.format(clock.instant().atZone(clock.getZone())));
            for (String part : parts(dataDir)) {
                Files.createDirectories(replaced);
                Files.move(dataDir.resolve(part), replaced.resolve(part));
            }
            for (String directory : directories) {
                Files.createDirectories(dataDir.resolve(directory));
            }
            for (String path : sums.keySet()) {
                Path to = dataDir.resolve(path);
                Files.createDirectories(to.getParent());
                Files.copy(backup.resolve(path), to, StandardCopyOption.COPY_ATTRIBUTES);
            }
            // PostgreSQL refuses a data directory others may read.
            for (String part : parts) {
                if (part.startsWith("postgres")) {
                    ownerOnly(dataDir.resolve(part));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restore " + backup + " into " + dataDir, e);
        }
        return new Result(dataDir, parts, sums.size(), bytes, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Refuses while PostgreSQL or Kafka runs on this data directory or the platform's ports are taken. */
    static void requireStopped(Path dataDir, List<String> parts, Collection<Integer> ports) {
        for (String part : parts) {
            if (part.startsWith("postgres") && Files.exists(dataDir.resolve(part).resolve(POSTMASTER_PID))) {
                throw new IllegalStateException("PostgreSQL is running on " + dataDir.resolve(part) + " (" + POSTMASTER_PID
                        + " exists): stop the platform first (Ctrl-C in ./aftersales run)");
            }
        }
        for (int port : ports) {
            if (Ports.inUse(port)) {
                throw new IllegalStateException("Port " + port + " is in use: stop the platform first (Ctrl-C in ./aftersales run)");
            }
        }
    }

    private static void requireEmpty(Path target) {
        try {
            if (Files.exists(target)) {
                try (Stream<Path> entries = Files.list(target)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalStateException("The backup directory " + target + " is not empty");
                    }
                }
            }
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> directories(Path root) {
        List<Path> directories = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                    directories.add(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directories;
    }

    private static List<String> readDirectories(Path backup) {
        Path list = backup.resolve(DIRECTORIES);
        if (!Files.isRegularFile(list)) {
            throw new IllegalStateException(backup + " is not a platform backup: no " + DIRECTORIES);
        }
        try {
            List<String> directories = Files.readAllLines(list, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
            for (String directory : directories) {
                if (directory.contains("..") || directory.startsWith("/")) {
                    throw new IllegalStateException(list + " names a directory outside the data directory: " + directory);
                }
            }
            return directories;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path root) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return files;
    }

    private static long copyWithDigest(Path from, Path to, Map<String, String> sums, String relative) {
        try {
            Files.createDirectories(to.getParent());
            MessageDigest digest = sha256();
            long size;
            try (InputStream in = new DigestInputStream(Files.newInputStream(from), digest)) {
                size = Files.copy(in, to);
            }
            sums.put(relative, HexFormat.of().formatHex(digest.digest()));
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + from, e);
        }
    }

    private static void writeManifest(Path target, Map<String, String> sums) {
        StringBuilder manifest = new StringBuilder();
        sums.forEach((path, sum) -> manifest.append(sum).append("  ").append(path).append('\n'));
        try {
            Files.writeString(target.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> readManifest(Path backup) {
        Path manifest = backup.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalStateException(backup + " is not a platform backup: no " + MANIFEST);
        }
        Map<String, String> sums = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                int gap = line.indexOf("  ");
                String path = gap < 0 ? "" : line.substring(gap + 2);
                if (gap != 64 || path.contains("..") || path.startsWith("/") || !path.contains("/")) {
                    throw new IllegalStateException(manifest + " has a line that is not '<sha256>  <part>/<path>': " + line);
                }
                sums.put(path, line.substring(0, gap));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (sums.isEmpty()) {
            throw new IllegalStateException(manifest + " lists no file");
        }
        return sums;
    }

    /** Every file of the manifest is there with its checksum; returns the bytes checked. */
    private static long verify(Path backup, Map<String, String> sums) {
        long bytes = 0;
        for (Map.Entry<String, String> entry : sums.entrySet()) {
            Path file = backup.resolve(entry.getKey());
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("The backup misses " + entry.getKey() + ": nothing was restored");
            }
            MessageDigest digest = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                bytes += in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!HexFormat.of().formatHex(digest.digest()).equals(entry.getValue())) {
                throw new IllegalStateException("The backup's " + entry.getKey() + " does not match its checksum: nothing was restored");
            }
        }
        return bytes;
    }

    private static void ownerOnly(Path directory) throws IOException {
        try {
            Files.setPosixFilePermissions(directory, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: PostgreSQL does not check the mode there.
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
