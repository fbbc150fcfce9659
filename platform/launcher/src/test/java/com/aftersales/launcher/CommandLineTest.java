package com.aftersales.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    @Test
    void runDefaultsToDemoDataWithoutReset() {
        assertThat(CommandLine.parse("run")).isEqualTo(new CommandLine.Run(false, true, Optional.empty()));
    }

    @Test
    void runTakesResetNoDemoDataAndDataDirInAnyOrder() {
        assertThat(CommandLine.parse("run", "--data-dir", "/tmp/x", "--no-demo-data", "--reset", "--build"))
                .isEqualTo(new CommandLine.Run(true, false, Optional.of(Path.of("/tmp/x"))));
    }

    @Test
    void runTakesAnInstanceCountWithinTheSupportedRange() {
        assertThat(CommandLine.parse("run", "--instances", "2"))
                .isEqualTo(new CommandLine.Run(false, true, Optional.empty(), 2, Optional.empty()));
        assertThatThrownBy(() -> CommandLine.parse("run", "--instances", "0")).hasMessageContaining("1 to 4");
        assertThatThrownBy(() -> CommandLine.parse("run", "--instances", "two")).hasMessageContaining("got two");
    }

    @Test
    void runWithKeycloakNeedsItsDistribution() {
        assertThat(CommandLine.parse("run", "--identity", "keycloak", "--keycloak-distribution", "/tmp/kc.zip"))
                .isEqualTo(new CommandLine.Run(false, true, Optional.empty(), 1, Optional.of(Path.of("/tmp/kc.zip"))));
        assertThat(CommandLine.parse("run", "--identity", "authorization-server"))
                .isEqualTo(new CommandLine.Run(false, true, Optional.empty()));
        assertThatThrownBy(() -> CommandLine.parse("run", "--identity", "keycloak")).hasMessageContaining("--keycloak-distribution");
        assertThatThrownBy(() -> CommandLine.parse("run", "--keycloak-distribution", "/tmp/kc.zip"))
                .hasMessageContaining("--identity keycloak");
        assertThatThrownBy(() -> CommandLine.parse("run", "--identity", "okta")).hasMessageContaining("got okta");
    }

    @Test
    void replayTakesATopicAndAnOptionalBootstrap() {
        assertThat(CommandLine.parse("replay-dlt", "aftersales.tickets.v1"))
                .isEqualTo(new CommandLine.ReplayDeadLetters("aftersales.tickets.v1", "127.0.0.1:19092"));
        assertThat(CommandLine.parse("replay-dlt", "--bootstrap", "kafka:9092", "aftersales.tickets.v1.dlt"))
                .isEqualTo(new CommandLine.ReplayDeadLetters("aftersales.tickets.v1.dlt", "kafka:9092"));
    }

    @Test
    void helpIsTheDefault() {
        assertThat(CommandLine.parse()).isInstanceOf(CommandLine.Help.class);
        assertThat(CommandLine.parse("--help")).isInstanceOf(CommandLine.Help.class);
        assertThat(CommandLine.parse("help")).isInstanceOf(CommandLine.Help.class);
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThatThrownBy(() -> CommandLine.parse("start")).isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("start");
        assertThatThrownBy(() -> CommandLine.parse("run", "--fast")).hasMessageContaining("--fast");
        assertThatThrownBy(() -> CommandLine.parse("run", "--data-dir")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> CommandLine.parse("run", "--data-dir", "--reset")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> CommandLine.parse("replay-dlt")).hasMessageContaining("needs a topic");
        assertThatThrownBy(() -> CommandLine.parse("replay-dlt", "a", "b")).hasMessageContaining("one topic");
    }
}
