package com.aftersales.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The tail of a child's log, for error messages that say why a process did not come up. */
final class LogFiles {

    static final int TAIL_LINES = 40;
    private static final int TAIL_BYTES = 16 * 1024;

    private LogFiles() {
    }

    static String tail(Path log) {
        return tail(log, TAIL_LINES);
    }

    static String tail(Path log, int lines) {
        if (!Files.isRegularFile(log)) {
            return "(no log at " + log + ")";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
                    .map(line -> "    | " + line)
                    .collect(Collectors.joining(System.lineSeparator(),
                            "--- last lines of " + log + " ---" + System.lineSeparator(), ""));
        } catch (IOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }
}
