package com.aftersales.dispatch.assignment;

import com.aftersales.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The target, measured through the service (PostgreSQL reads included): a proposal with
 * 1,000 open jobs and 200 technicians on duty answers well under 200 ms. The rows are removed
 * afterwards so that other tests do not plan with them.
 */
@SpringBootTest(properties = "aftersales.dispatch.assignment.auto-assign=false")
@WithRealInfrastructure
class ProposalLatencyIT {

    private static final Logger log = LoggerFactory.getLogger(ProposalLatencyIT.class);
    private static final int TECHNICIANS = 200;
    private static final int OPEN_JOBS = 1000;
    private static final int SAMPLES = 30;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AssignmentService assignments;
    @Autowired
    com.aftersales.dispatch.technician.Technicians technicianReads;
    @Autowired
    com.aftersales.dispatch.job.DispatchJobs jobReads;

    @Test
    void aProposalAtAThousandOpenJobsAndTwoHundredTechniciansTakesWellUnder200Milliseconds() {
        String category = "LAT-" + UUID.randomUUID();
        Random random = new Random(1);
        List<UUID> technicians = new ArrayList<>();
        List<UUID> jobs = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        try {
            for (int i = 0; i < TECHNICIANS; i++) {
                UUID id = UUID.randomUUID();
                technicians.add(id);
                jdbc.sql("""
                                insert into technician (id, name, skills, home_latitude, home_longitude, service_area, calendar,
                                    max_visits_per_day, status, created_at, updated_at, version)
                                values (:id, :name, cast(:skills as jsonb), :lat, :lon, cast('{"radiusKm":60,"regionCodes":[]}' as jsonb),
                                    cast(:calendar as jsonb), 8, 'AVAILABLE', :now, :now, 0)""")
                        .param("id", id).param("name", "tech-" + i)
                        .param("skills", "[{\"kind\":\"PRODUCT_CATEGORY\",\"code\":\"%s\",\"level\":3}]".formatted(category))
                        .param("lat", 31.1 + random.nextDouble() * 0.3).param("lon", 121.3 + random.nextDouble() * 0.3)
                        .param("calendar", "{\"timeZone\":\"UTC\",\"shifts\":[" + String.join(",", Arrays.stream(java.time.DayOfWeek.values())
                                .map(d -> "{\"day\":\"" + d + "\",\"start\":\"00:00\",\"end\":\"23:59\"}").toList()) + "],\"daysOff\":[]}")
                        .param("now", now).update();
            }
            for (int i = 0; i < OPEN_JOBS; i++) {
                UUID id = UUID.randomUUID();
                jobs.add(id);
                boolean assigned = i % 2 == 0;
                jdbc.sql("""
                                insert into dispatch_job (id, ticket_id, model, ticket_priority, status, reason, queued_at,
                                    product_category, latitude, longitude, technician_id, version)
                                values (:id, :ticket, 'M', 'NORMAL', :status, 'latency test', :now, :category, :lat, :lon, :tech, 0)""")
                        .param("id", id).param("ticket", UUID.randomUUID())
                        .param("status", assigned ? "ASSIGNED" : "AWAITING_ASSIGNMENT").param("now", now)
                        .param("category", category).param("lat", 31.1 + random.nextDouble() * 0.3)
                        .param("lon", 121.3 + random.nextDouble() * 0.3)
                        .param("tech", assigned ? technicians.get(random.nextInt(TECHNICIANS)) : null).update();
            }

            long[] nanos = new long[SAMPLES];
            for (int i = 0; i < SAMPLES + 5; i++) {
                UUID job = jobs.get(1 + 2 * i);
                long started = System.nanoTime();
                Proposal proposal = assignments.propose(job);
                long spent = System.nanoTime() - started;
                assertThat(proposal.ranked().size() + proposal.excluded().size()).isGreaterThanOrEqualTo(TECHNICIANS);
                if (i >= 5) {
                    nanos[i - 5] = spent;
                }
            }
            Arrays.sort(nanos);
            long t0 = System.nanoTime();
            technicianReads.onDuty();
            long t1 = System.nanoTime();
            jobReads.openWork(null);
            long t2 = System.nanoTime();
            log.info("of which: reading on-duty technicians {} ms, open load per technician {} ms", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
            double p50 = nanos[SAMPLES / 2] / 1e6;
            double max = nanos[SAMPLES - 1] / 1e6;
            log.info("Proposal latency through the service at {} open jobs, {} technicians: p50 {} ms, max {} ms",
                    OPEN_JOBS, TECHNICIANS, p50, max);
            assertThat(p50).isLessThan(200.0);
        } finally {
            jdbc.sql("delete from dispatch_job where id in (:ids)").param("ids", jobs).update();
            jdbc.sql("delete from technician where id in (:ids)").param("ids", technicians).update();
        }
    }
}
