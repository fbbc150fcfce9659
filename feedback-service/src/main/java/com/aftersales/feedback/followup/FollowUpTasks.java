package com.aftersales.feedback.followup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Creates follow-up tasks for other features, in their transaction. */
@Component
public class FollowUpTasks {

    public static final String LOW_SCORE_CALLBACK = "LOW_SCORE_CALLBACK";
    /** A depot repair will probably miss its promised date: call the customer with a new date (source: the repair id). */
    public static final String REPAIR_DELAY_CALL = "REPAIR_DELAY_CALL";

    private final JdbcClient jdbc;

    FollowUpTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * At most one task per (reason, sourceRef): a replayed trigger returns the existing task's id.
     *
     * @param sourceRef what caused it, e.g. the survey id
     */
    public UUID create(UUID customerId, String reason, String sourceRef, String explanation, Instant dueAt, Instant now) {
        jdbc.sql("""
                        insert into follow_up_task (id, customer_id, reason, source_ref, explanation, due_at, status, created_at)
                        values (:id, :customer, :reason, :ref, :explanation, :due, 'OPEN', :now)
                        on conflict (reason, source_ref) do nothing""")
                .param("id", UUID.randomUUID()).param("customer", customerId).param("reason", reason).param("ref", sourceRef)
                .param("explanation", explanation).param("due", Timestamp.from(dueAt)).param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("select id from follow_up_task where reason = :reason and source_ref = :ref")
                .param("reason", reason).param("ref", sourceRef).query(UUID.class).single();
    }
}
