package com.aftersales.bench.platform;

import com.aftersales.bench.BenchContext;
import com.aftersales.bench.BenchResult;
import com.aftersales.bench.Benchmark;
import com.aftersales.contracts.EventCodec;
import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.EventType;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.VisitCompleted;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketOpened;
import io.cloudevents.jackson.JsonFormat;
import tools.jackson.databind.json.JsonMapper;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.ToIntFunction;

/**
 * What a consumer pays to read one event record, in-process (no platform): {@link EventCodec#decode} of records of a
 * type the consumer handles (read, checked against the type's JSON Schema, mapped to the payload record) and of a type
 * it does not handle (skipped), against the CloudEvents SDK's JSON format merely reading the same records (what any
 * CloudEvents consumer pays before it looks at the data) and Jackson reading them into a tree (the floor).
 * <p>
 * The records are ticket-opened and visit-completed events as the services write them. Each figure is the mean time per
 * record over a measured pass that follows a warm-up pass; the passes alternate between the subjects. The figures are
 * those of this benchmark's JVM, whose options are printed: the services run with C1 only.
 */
public final class EventDecodeBenchmark implements Benchmark {

    private static final String NAME = "event-decode";
    private static final int ROUNDS = 5;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<BenchResult> run(BenchContext context) {
        System.out.println("JVM options: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        EventCodec codec = new EventCodec();
        JsonFormat sdk = new JsonFormat();
        JsonMapper jackson = JsonMapper.builder().build();
        int count = context.quick() ? 5_000 : 50_000;
        Random random = new Random(context.seed());
        List<EventEnvelope<TicketOpened>> envelopes = new ArrayList<>(count);
        List<byte[]> opened = new ArrayList<>(count);
        List<byte[]> visits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            envelopes.add(envelope(TicketEvents.TICKET_OPENED, ticketOpened(random)));
            opened.add(codec.encode(envelopes.get(i)));
            visits.add(codec.encode(envelope(DispatchEvents.VISIT_COMPLETED, visitCompleted(random))));
        }
        System.out.printf("%,d records of each type, %d and %d bytes on average%n", count, averageSize(opened), averageSize(visits));

        double[] decode = new double[ROUNDS];
        double[] skip = new double[ROUNDS];
        double[] sdkRead = new double[ROUNDS];
        double[] treeRead = new double[ROUNDS];
        double[] encode = new double[ROUNDS];
        double[] payloadWrite = new double[ROUNDS];
        for (int round = 0; round <= ROUNDS; round++) {
            // Round 0 warms the JIT up and is not counted.
            double d = perRecord(opened, bytes -> codec.decode(bytes, type -> type == TicketEvents.TICKET_OPENED).isPresent() ? 1 : 0);
            double s = perRecord(visits, bytes -> codec.decode(bytes, type -> type == TicketEvents.TICKET_OPENED).isPresent() ? 1 : 0);
            double k = perRecord(opened, bytes -> sdk.deserialize(bytes).getType().length());
            double t = perRecord(opened, bytes -> jackson.readTree(bytes).size());
            double e = perRecord(envelopes, envelope -> codec.encode(envelope).length);
            double w = perRecord(envelopes, envelope -> jackson.writeValueAsBytes(envelope.data()).length);
            if (round > 0) {
                encode[round - 1] = e;
                payloadWrite[round - 1] = w;
                decode[round - 1] = d;
                skip[round - 1] = s;
                sdkRead[round - 1] = k;
                treeRead[round - 1] = t;
            }
        }
        double decodeUs = median(decode);
        double skipUs = median(skip);
        double sdkUs = median(sdkRead);
        double treeUs = median(treeRead);
        double encodeUs = median(encode);
        double payloadUs = median(payloadWrite);
        System.out.printf("median of %d passes, µs per record: decode %.2f, skip %.2f, SDK read %.2f, Jackson tree %.2f, "
                + "encode %.2f, payload written by Jackson %.2f%n", ROUNDS, decodeUs, skipUs, sdkUs, treeUs, encodeUs, payloadUs);
        return List.of(
                new BenchResult(NAME, "decode, a handled type", decodeUs, "µs", "CloudEvents SDK read", sdkUs, true),
                new BenchResult(NAME, "decode, a handled type", decodeUs, "µs", "Jackson tree of the record", treeUs, true),
                new BenchResult(NAME, "skip, a type not handled", skipUs, "µs", "CloudEvents SDK read", sdkUs, true),
                new BenchResult(NAME, "encode (checked, enveloped)", encodeUs, "µs", "payload written by Jackson", payloadUs, true));
    }

    /** Mean µs per item of one pass over the items. */
    private static <T> double perRecord(List<T> items, ToIntFunction<T> work) {
        long sink = 0;
        long start = System.nanoTime();
        for (T item : items) {
            sink += work.applyAsInt(item);
        }
        long elapsed = System.nanoTime() - start;
        if (sink < 0) {
            throw new IllegalStateException("unreachable; keeps the work from being optimised away");
        }
        return elapsed / 1_000.0 / items.size();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static int averageSize(List<byte[]> records) {
        return (int) records.stream().mapToInt(r -> r.length).average().orElse(0);
    }

    private static <T> EventEnvelope<T> envelope(EventType<T> type, T data) {
        return new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/bench"), type,
                OffsetDateTime.now(ZoneOffset.UTC), UUID.randomUUID().toString(), UUID.randomUUID().toString(), data);
    }

    private static TicketOpened ticketOpened(Random random) {
        Instant openedAt = Instant.now();
        LocalDate purchased = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(600));
        return new TicketOpened(UUID.randomUUID(), UUID.randomUUID(), "SN-" + random.nextInt(1_000_000), "KFR-35GW/BpR3",
                "REPAIR", "PHONE", random.nextBoolean() ? "NORMAL" : "HIGH", "COOLING", "空调不制冷，外机有异响 / no cooling",
                openedAt, UUID.randomUUID(), "AIR_CONDITIONER", "B2026-07", "GOLD", "310104",
                31.1880 + random.nextDouble() / 10, 121.4365 + random.nextDouble() / 10, "IN_WARRANTY", true, "E4",
                new TicketOpened.SlaDueTimes(openedAt.plus(Duration.ofHours(2)), openedAt.plus(Duration.ofHours(24)),
                        openedAt.plus(Duration.ofHours(12)), openedAt.plus(Duration.ofHours(72))),
                List.of(new TicketOpened.WarrantyCover("WHOLE_UNIT", purchased, purchased.plusYears(1).minusDays(1), "2026.1", true),
                        new TicketOpened.WarrantyCover("COMPRESSOR", purchased, purchased.plusYears(6).minusDays(1), "2026.1", true)),
                "SH-XUHUI-01");
    }

    private static VisitCompleted visitCompleted(Random random) {
        return new VisitCompleted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "COMPLETED", UUID.randomUUID(), 1 + random.nextInt(3), "capacitor failed", "replaced capacitor", "COOLING",
                "E4", "REPLACE_PART", true, 30 + random.nextInt(60),
                List.of(new VisitCompleted.PartLine("CAP-35", 1, new BigDecimal("38.00"))), "OUT_OF_WARRANTY",
                new BigDecimal("98.00"), new BigDecimal("128.00"), "CNY", Instant.now());
    }
}
