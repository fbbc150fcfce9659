package com.aftersales.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceProcessTest {

    @Test
    void extraOptionsOfOneStartGoBeforeTheJar() {
        ClassDataSharing.Launch launch = ClassDataSharing.Launch.plain(Path.of("svc-exec.jar"));

        List<String> command = ServiceProcess.command(launch, "-XX:StartFlightRecording=name=x  -Dy=1");

        assertThat(command).containsSubsequence("-XX:StartFlightRecording=name=x", "-Dy=1", "-jar");
        assertThat(ServiceProcess.command(launch, null)).isEqualTo(ServiceProcess.command(launch));
        assertThat(ServiceProcess.command(launch)).doesNotContain("-Dy=1");
    }
}
