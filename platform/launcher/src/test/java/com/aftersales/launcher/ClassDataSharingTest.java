package com.aftersales.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataSharingTest {

    @TempDir
    Path target;

    @Test
    void offRunsTheExecJarAsBuilt() throws IOException {
        Path jar = Files.writeString(target.resolve("svc-exec.jar"), "not read");

        ClassDataSharing.Launch launch = ClassDataSharing.prepare(jar, "OFF");

        assertThat(launch.jar()).isEqualTo(jar);
        assertThat(launch.options()).isEmpty();
        assertThat(ServiceProcess.command(launch)).endsWith("-jar", jar.toAbsolutePath().toString());
    }

    @Test
    void aJarThatCannotBeExtractedStartsAsBuiltRatherThanFailing() throws IOException {
        Path jar = Files.writeString(target.resolve("svc-exec.jar"), "not a jar");

        ClassDataSharing.Launch launch = ClassDataSharing.prepare(jar, null);

        assertThat(launch.jar()).isEqualTo(jar);
        assertThat(launch.options()).isEmpty();
    }

    @Test
    void theFirstStartOfAnExtractedJarRecordsAndLaterStartsMapTheArchive() throws IOException {
        Path jar = Files.writeString(target.resolve("svc-exec.jar"), "built");
        Path extracted = extractedAsIfBefore(jar);

        ClassDataSharing.Launch first = ClassDataSharing.prepare(jar, null);
        assertThat(first.jar()).isEqualTo(extracted.resolve("svc-exec.jar"));
        assertThat(first.options()).first().asString().startsWith("-XX:ArchiveClassesAtExit=" + extracted);

        Files.writeString(first.training(), "classes");
        first.finish(true);

        ClassDataSharing.Launch later = ClassDataSharing.prepare(jar, null);
        assertThat(later.options()).containsExactly("-XX:SharedArchiveFile=" + extracted.resolve(ClassDataSharing.ARCHIVE));
        assertThat(later.training()).isNull();
    }

    @Test
    void aKilledRecordingIsDroppedAndTheFirstCleanOneWins() throws IOException {
        Path jar = Files.writeString(target.resolve("svc-exec.jar"), "built");
        Path extracted = extractedAsIfBefore(jar);
        ClassDataSharing.Launch killed = ClassDataSharing.prepare(jar, null);
        ClassDataSharing.Launch one = ClassDataSharing.prepare(jar, null);
        ClassDataSharing.Launch two = ClassDataSharing.prepare(jar, null);
        Files.writeString(killed.training(), "half");
        Files.writeString(one.training(), "one");
        Files.writeString(two.training(), "two");

        killed.finish(false);
        assertThat(extracted.resolve(ClassDataSharing.ARCHIVE)).doesNotExist();
        one.finish(true);
        two.finish(true);

        assertThat(extracted.resolve(ClassDataSharing.ARCHIVE)).hasContent("one");
        try (var left = Files.list(extracted)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("svc-exec.jar", ClassDataSharing.ARCHIVE);
        }
    }

    /** The tree an earlier extraction of this very jar left (same size and time), without running the extraction. */
    private Path extractedAsIfBefore(Path jar) throws IOException {
        Path extracted = target.resolve(ClassDataSharing.DIRECTORY)
                .resolve(Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis());
        Files.createDirectories(extracted);
        Files.writeString(extracted.resolve("svc-exec.jar"), "extracted");
        return extracted;
    }
}
