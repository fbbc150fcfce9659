package com.aftersales.feedback.kpi;

import com.aftersales.feedback.support.Http;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KPI query latency at one million tickets. Not part of the normal build (it loads ~1 M fact rows):
 * {@code ./mvnw -pl feedback-service verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=KpiQueryBenchmarkIT -Daftersales.bench=true}.
 * <p>
 * It fills {@code kpi_ticket} with one million tickets over a year (500 technicians, 60 models, 40 regions,
 * 300 stores), derives {@code kpi_daily} from them as the projection would, and times {@code GET /api/kpis}
 * over HTTP against the baseline of aggregating the facts table on each query.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
@EnabledIfSystemProperty(named = "aftersales.bench", matches = "true")
class KpiQueryBenchmarkIT {

    static final int TICKETS = 1_000_000;
    static final int WARMUP = 3;
    static final int RUNS = 15;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.kafka.config.KafkaListenerEndpointRegistry registry;

    @Test
    void kpiQueriesAtOneMillionTickets() {
        long loadStart = System.nanoTime();
        jdbc.sql("""
                insert into kpi_ticket (ticket_id, opened_at, ticket_type, model, region_code, store_code, technician_id,
                                        resolved_at, first_time_fix, cost_minor, csat)
                select gen_random_uuid(), ts, 'REPAIR', 'BM-' || (i % 60), 'R' || (i % 40), 'S' || (i % 300), 'T' || (i % 500),
                       ts + make_interval(hours => 2 + i % 40), i % 5 <> 0, 5000 + i % 20000, 1 + i % 5
                from (select i, timestamptz '2025-11-01 00:00:00+08' + make_interval(secs => (i::bigint * 31536000 / :n)) as ts
                      from generate_series(1, :n) i) g""").param("n", TICKETS).update();
        for (String dim : List.of("technician_id:technician", "model:model", "region_code:region", "store_code:store")) {
            String[] d = dim.split(":");
            jdbc.sql("""
                    insert into kpi_daily (day, dimension, dim_value, tickets, resolve_n, resolve_s, ftf_n, ftf_yes, csat_n, csat_sum,
                                           cost_n, cost_minor)
                    select (opened_at at time zone 'Asia/Shanghai')::date, :dim, %s, count(*), count(resolved_at),
                           sum(extract(epoch from resolved_at - opened_at))::bigint, count(first_time_fix),
                           count(*) filter (where first_time_fix), count(csat), sum(csat), count(cost_minor), sum(cost_minor)
                    from kpi_ticket where ticket_type = 'REPAIR' and model like 'BM-%%' group by 1, 3
                    on conflict do nothing""".formatted(d[0])).param("dim", d[1]).update();
        }
        String columns = "tickets, resolve_n, resolve_s, ftf_n, ftf_yes, csat_n, csat_sum, cost_n, cost_minor";
        jdbc.sql("insert into kpi_monthly (day, dimension, dim_value, " + columns + ") select date_trunc('month', day)::date, "
                + "dimension, dim_value, " + Arrays.stream(columns.split(", ")).map(c -> "sum(" + c + ")").reduce((a, b) -> a + ", " + b)
                .orElseThrow() + " from kpi_daily group by 1, 2, 3 on conflict do nothing").update();
        jdbc.sql("analyze kpi_monthly").update();
        jdbc.sql("analyze kpi_daily").update();
        jdbc.sql("analyze kpi_ticket").update();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long dailyRows = jdbc.sql("select count(*) from kpi_daily").query(Long.class).single();

        Http http = new Http(port);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "loaded %d tickets, %d kpi_daily rows in %.1f s", TICKETS, dailyRows, loadSeconds));
        for (String query : List.of("groupBy=technician&from=2025-11-01&to=2026-10-31&granularity=month",
                "groupBy=model&from=2026-10-01&to=2026-10-31&granularity=day",
                "groupBy=store&from=2025-11-01&to=2026-10-31&granularity=week",
                "groupBy=technician&from=2025-11-15&to=2026-10-31&granularity=month",
                "from=2025-11-01&to=2026-10-31&granularity=month")) {
            double median = medianMillis(() -> assertThat(http.get("/api/kpis?" + query).status()).isEqualTo(200));
            lines.add(String.format(Locale.ROOT, "GET /api/kpis?%s  median %.1f ms over %d runs", query, median, RUNS));
        }
        double sqlOnly = medianMillis(() -> jdbc.sql("""
                select date_trunc('month', day)::date, dim_value, sum(tickets), sum(resolve_s), sum(resolve_n), sum(ftf_yes),
                       sum(ftf_n), sum(csat_sum), sum(csat_n)
                from kpi_monthly where dimension = 'technician' and day between date '2025-11-01' and date '2026-10-31'
                group by 1, 2""").query().listOfRows());
        lines.add(String.format(Locale.ROOT, "technician × month from kpi_monthly (SQL only, no HTTP)  median %.1f ms", sqlOnly));
        double baseline = medianMillis(() -> jdbc.sql("""
                select date_trunc('month', opened_at at time zone 'Asia/Shanghai'), technician_id, count(*),
                       avg(extract(epoch from resolved_at - opened_at)), avg(case when first_time_fix then 1 else 0 end), avg(csat)
                from kpi_ticket where opened_at >= timestamptz '2025-11-01 00:00:00+08' and opened_at < timestamptz '2026-11-01 00:00:00+08'
                group by 1, 2""").query().listOfRows());
        lines.add(String.format(Locale.ROOT, "baseline: same technician × month KPIs aggregated from kpi_ticket per query (SQL only, no HTTP)  median %.1f ms", baseline));
        lines.forEach(System.out::println);
        assertThat(dailyRows).isPositive();
    }

    static final int INGEST_TICKETS = 2_000;

    /** Write side: how fast the live KPI projection applies a ticket's events (opened, assigned, visit, resolved, survey). */
    @Test
    void projectionThroughput() {
        List<com.aftersales.contracts.EventEnvelope<?>> events = new ArrayList<>();
        java.time.Instant t = java.time.Instant.parse("2026-06-01T01:00:00Z");
        for (int i = 0; i < INGEST_TICKETS; i++) {
            java.util.UUID ticket = java.util.UUID.randomUUID();
            java.util.UUID tech = java.util.UUID.randomUUID();
            events.add(com.aftersales.feedback.support.Events.event("ticket-service",
                    com.aftersales.contracts.ticket.TicketEvents.TICKET_OPENED, ticket, new com.aftersales.contracts.ticket.TicketOpened(
                            ticket, java.util.UUID.randomUUID(), "SN" + i, "TP-" + (i % 20), "REPAIR", "PHONE", "NORMAL", "COOLING",
                            "x", t.plusSeconds(i))));
            events.add(com.aftersales.feedback.support.Events.event("dispatch-service",
                    com.aftersales.contracts.dispatch.DispatchEvents.TECHNICIAN_ASSIGNED, ticket,
                    new com.aftersales.contracts.dispatch.TechnicianAssigned(java.util.UUID.randomUUID(), ticket, tech, "t", "AUTO",
                            "system", 1.0, "x", t.plusSeconds(i + 600))));
            events.add(com.aftersales.feedback.support.Events.event("dispatch-service",
                    com.aftersales.contracts.dispatch.DispatchEvents.VISIT_COMPLETED, ticket,
                    new com.aftersales.contracts.dispatch.VisitCompleted(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(),
                            ticket, tech, "COMPLETED", java.util.UUID.randomUUID(), 1, "c", "f", "COOLING", "E1", "F1", true, 30,
                            List.of(), "IN_WARRANTY", java.math.BigDecimal.TEN, java.math.BigDecimal.ZERO, "CNY", t.plusSeconds(i + 7200))));
            events.add(com.aftersales.feedback.support.Events.event("ticket-service",
                    com.aftersales.contracts.ticket.TicketEvents.TICKET_STATUS_CHANGED, ticket,
                    new com.aftersales.contracts.ticket.TicketStatusChanged(ticket, "IN_PROGRESS", "RESOLVED", "tech", "done",
                            t.plusSeconds(i + 7200))));
        }
        // The test client sends synchronously (~7 ms a record here): publish with the KPI listener stopped, then time
        // the projection alone working through the backlog.
        var container = registry.getListenerContainer(KpiEventsListener.LISTENER_ID);
        container.stop();
        long publishStart = System.nanoTime();
        try (com.aftersales.testsupport.KafkaTestClient kafka = com.aftersales.testsupport.KafkaTestClient.onTestBroker()) {
            events.forEach(kafka::publish);
        }
        double publishSeconds = (System.nanoTime() - publishStart) / 1e9;
        long start = System.nanoTime();
        container.start();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(10)).pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> jdbc.sql("select coalesce(sum(tickets), 0) from kpi_daily where dimension = 'model' and dim_value like 'TP-%'")
                        .query(Long.class).single() == INGEST_TICKETS
                        && jdbc.sql("select count(*) from processed_event where consumer = 'feedback-service.kpi' and event_type = "
                        + "'aftersales.ticket.status-changed.v1'").query(Long.class).single() >= INGEST_TICKETS);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(String.format(Locale.ROOT, "KPI projection: a backlog of %d events (%d tickets) applied in %.1f s = %.0f "
                        + "events/s (one transaction per event, the other projections consuming alongside; publishing took %.1f s)",
                events.size(), INGEST_TICKETS, seconds, events.size() / seconds, publishSeconds));
        assertThat(seconds).isPositive();
    }

    private static double medianMillis(Runnable query) {
        for (int i = 0; i < WARMUP; i++) {
            query.run();
        }
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            query.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }
}
