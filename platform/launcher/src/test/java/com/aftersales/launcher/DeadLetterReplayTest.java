package com.aftersales.launcher;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterReplayTest {

    @Test
    void dropsSpringDltHeadersKeepsTheOthersAndSaysWhereTheRecordCameFrom() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", bytes("42"));
        headers.add("kafka_dlt-exception-message", bytes("boom"));
        headers.add("kafka_dlt-original-topic", bytes("aftersales.tickets.v1"));
        headers.add("kafka_dlt-original-offset", bytes("7"));
        headers.add("traceparent", bytes("00-abc-def-01"));

        Headers result = DeadLetterReplay.republishedHeaders(headers, "aftersales.tickets.v1.dlt", 2, 15);

        assertThat(result.toArray()).extracting(Header::key)
                .containsExactly("ce_id", "traceparent", "aftersales-replayed-from");
        assertThat(text(result.lastHeader("aftersales-replayed-from"))).isEqualTo("aftersales.tickets.v1.dlt@2/15");
        assertThat(text(result.lastHeader("ce_id"))).isEqualTo("42");
    }

    @Test
    void goesBackToTheOriginalTopicHeaderElseTheNameWithoutDlt() {
        ConsumerRecord<byte[], byte[]> withHeader = new ConsumerRecord<>("shared.dlt", 1, 3L, bytes("k"), bytes("v"));
        withHeader.headers().add("kafka_dlt-original-topic", bytes("aftersales.returns.v1"));
        ConsumerRecord<byte[], byte[]> without = new ConsumerRecord<>("aftersales.feedback.v1.dlt", 0, 9L, bytes("k2"), bytes("v2"));

        ProducerRecord<byte[], byte[]> first = DeadLetterReplay.republished(withHeader, "shared");
        ProducerRecord<byte[], byte[]> second = DeadLetterReplay.republished(without, "aftersales.feedback.v1");

        assertThat(first.topic()).isEqualTo("aftersales.returns.v1");
        assertThat(first.key()).isEqualTo(bytes("k"));
        assertThat(first.value()).isEqualTo(bytes("v"));
        assertThat(first.partition()).as("the key picks the partition, as for the original").isNull();
        assertThat(second.topic()).isEqualTo("aftersales.feedback.v1");
        assertThat(text(second.headers().lastHeader("aftersales-replayed-from"))).isEqualTo("aftersales.feedback.v1.dlt@0/9");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
