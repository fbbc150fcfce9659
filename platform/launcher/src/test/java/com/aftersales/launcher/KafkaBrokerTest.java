package com.aftersales.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTest {

    @Test
    void platformTopicsAreTheFourStreamsAndTheirDeadLetters() {
        assertThat(KafkaBroker.PLATFORM_TOPICS).containsExactly(
                "aftersales.tickets.v1", "aftersales.tickets.v1.dlt",
                "aftersales.dispatch.v1", "aftersales.dispatch.v1.dlt",
                "aftersales.returns.v1", "aftersales.returns.v1.dlt",
                "aftersales.feedback.v1", "aftersales.feedback.v1.dlt");
    }

    @Test
    void serverPropertiesDescribeASingleCombinedNode(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("server.properties");
        KafkaBroker.writeServerProperties(config, dir.resolve("data"), 19092, 19093);

        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(config)) {
            properties.load(reader);
        }
        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("log.dirs", dir.resolve("data").toAbsolutePath().toString())
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("log.cleaner.dedupe.buffer.size", "8388608");
    }
}
