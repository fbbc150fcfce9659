package com.aftersales.authserver.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;

/**
 * The directory as a JSON file in the data directory ({@value #FILE_NAME}), written by whoever runs the server (the
 * launcher: demo users with generated passwords, partner depots, script clients) and read again whenever it changes,
 * so users whose scope is only known once the platform runs (the demo technicians) can be added without a restart.
 * A file that cannot be read keeps the last good directory (and says so in the log).
 */
public final class DirectoryFile {

    public static final String FILE_NAME = "directory.json";

    private static final Logger log = LoggerFactory.getLogger(DirectoryFile.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private Directory current = Directory.EMPTY;
    /** Modification time and file key (inode) of the loaded file: the launcher replaces it by an atomic move. */
    private List<Object> loadedVersion;

    public DirectoryFile(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The directory as the file says now. */
    public synchronized Directory current() {
        try {
            if (!Files.isRegularFile(file)) {
                return current;
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            List<Object> version = Arrays.asList(attributes.lastModifiedTime(), attributes.fileKey(), attributes.size());
            if (!version.equals(loadedVersion)) {
                current = JSON.readValue(Files.readString(file), Directory.class);
                loadedVersion = version;
                log.info("Directory {} loaded: {} users, {} clients", file, current.users().size(), current.clients().size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the directory " + file, e);
        } catch (JacksonException e) {
            log.warn("Directory {} is not valid JSON, keeping the previous one: {}", file, e.getOriginalMessage());
        }
        return current;
    }

    /** Writes a directory (used by tests and tools; the launcher writes the same format). */
    public static void write(Path dataDir, Directory directory) {
        try {
            Files.createDirectories(dataDir);
            Files.writeString(dataDir.resolve(FILE_NAME), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
