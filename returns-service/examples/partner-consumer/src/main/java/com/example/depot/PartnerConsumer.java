package com.example.depot;

import com.aftersales.contracts.EventCodec;
import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.InvalidEventException;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.TechnicianAssigned;
import com.aftersales.contracts.dispatch.TechnicianUnassigned;
import com.aftersales.contracts.dispatch.VisitScheduled;
import com.aftersales.contracts.returns.DepotRepairPromiseAtRisk;
import com.aftersales.contracts.returns.DepotRepairStatusChanged;
import com.aftersales.contracts.returns.ReturnsEvents;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A partner depot's consumer of the work meant for it, on {@code aftersales.partner.<depot-code>.v1}: depot repair
 * orders from returns-service, and the field jobs and visits that dispatch-service gives the depot's own technicians.
 * <p>
 * What a real one must keep: deduplicate on the CloudEvent id (delivery is at least once), skip event types
 * it does not know (new ones are added over time), ignore unknown fields (the codec does), commit offsets only
 * after the work is stored. Here the work is printed and the seen ids are kept in memory; store both in your
 * database, in one transaction, in production.
 * <p>
 * Usage: {@code PartnerConsumer <depot-code> [bootstrap-servers] [group-id]}; SASL/TLS settings for the
 * platform's broker are passed as {@code -Dkafka.<property>=<value>} system properties.
 */
public final class PartnerConsumer {

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final int REMEMBERED_IDS = 100_000;

    private PartnerConsumer() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: PartnerConsumer <depot-code> [bootstrap-servers] [group-id]");
            System.exit(2);
        }
        String depot = args[0];
        String topic = Topics.partnerTopic(depot);
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args.length > 1 ? args[1] : "127.0.0.1:19092");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, args.length > 2 ? args[2] : "partner-" + depot);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        System.getProperties().stringPropertyNames().stream().filter(p -> p.startsWith("kafka."))
                .forEach(p -> config.put(p.substring("kafka.".length()), System.getProperty(p)));

        EventCodec codec = new EventCodec();
        Set<UUID> seen = new LinkedHashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            Runtime.getRuntime().addShutdownHook(new Thread(consumer::wakeup));
            consumer.subscribe(List.of(topic));
            System.out.println("Reading " + topic + " as group " + config.get(ConsumerConfig.GROUP_ID_CONFIG));
            try {
                while (true) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        handle(codec, seen, record).ifPresent(System.out::println);
                    }
                    consumer.commitSync();
                }
            } catch (org.apache.kafka.common.errors.WakeupException stopping) {
                System.out.println("Stopped");
            }
        }
    }

    /** Handles one record; returns what it did as a line of text, or empty when the record needs nothing. */
    static Optional<String> handle(EventCodec codec, Set<UUID> seen, ConsumerRecord<String, byte[]> record) {
        Optional<EventEnvelope<?>> decoded;
        try {
            decoded = codec.decode(record.value());
        } catch (InvalidEventException e) {
            // Never block the topic on one bad record: park it for a person to look at.
            System.err.printf("Skipping a record that breaks the contract at offset %d: %s%n", record.offset(), e.getMessage());
            return Optional.empty();
        }
        if (decoded.isEmpty()) {
            return Optional.empty(); // a type this build does not know yet
        }
        EventEnvelope<?> event = decoded.get();
        if (!seen.add(event.id())) {
            return Optional.empty(); // redelivered
        }
        if (seen.size() > REMEMBERED_IDS) {
            seen.remove(seen.iterator().next());
        }
        if (event.type().equals(ReturnsEvents.DEPOT_REPAIR_STATUS_CHANGED)) {
            DepotRepairStatusChanged change = event.dataAs(ReturnsEvents.DEPOT_REPAIR_STATUS_CHANGED);
            if ("ROUTED".equals(change.status())) {
                return Optional.of(String.format("NEW WORK  repair %s: %s %s (%s), promised by %s — %s", change.repairId(),
                        change.model(), change.serialNumber(), change.category(), change.promisedBy(), change.note()));
            }
            return Optional.of(String.format("STATUS    repair %s is %s (%s)", change.repairId(), change.status(), change.note()));
        }
        if (event.type().equals(ReturnsEvents.DEPOT_REPAIR_PROMISE_AT_RISK)) {
            DepotRepairPromiseAtRisk risk = event.dataAs(ReturnsEvents.DEPOT_REPAIR_PROMISE_AT_RISK);
            return Optional.of(String.format("AT RISK   repair %s (%s) promised by %s, %d day(s) left", risk.repairId(),
                    risk.status(), risk.promisedBy(), risk.daysLeft()));
        }
        if (event.type().equals(DispatchEvents.TECHNICIAN_ASSIGNED)) {
            TechnicianAssigned assigned = event.dataAs(DispatchEvents.TECHNICIAN_ASSIGNED);
            return Optional.of(String.format("ASSIGNED  job %s (ticket %s) to your technician %s %s, %s by %s",
                    assigned.jobId(), assigned.ticketId(), assigned.technicianName(), assigned.technicianId(),
                    assigned.mode(), assigned.assignedBy()));
        }
        if (event.type().equals(DispatchEvents.TECHNICIAN_UNASSIGNED)) {
            TechnicianUnassigned released = event.dataAs(DispatchEvents.TECHNICIAN_UNASSIGNED);
            return Optional.of(String.format("RELEASED  job %s (ticket %s) from your technician %s: %s (%s)",
                    released.jobId(), released.ticketId(), released.technicianId(), released.cause(), released.reason()));
        }
        if (event.type().equals(DispatchEvents.VISIT_SCHEDULED)) {
            VisitScheduled visit = event.dataAs(DispatchEvents.VISIT_SCHEDULED);
            return Optional.of(String.format("VISIT     %s of job %s by your technician %s: %s to %s%s", visit.visitId(),
                    visit.jobId(), visit.technicianId(), visit.windowStart(), visit.windowEnd(),
                    visit.rescheduled() ? " (moved: " + visit.reason() + ")" : ""));
        }
        return Optional.empty();
    }
}
