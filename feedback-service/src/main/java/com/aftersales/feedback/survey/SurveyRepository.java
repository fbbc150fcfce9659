package com.aftersales.feedback.survey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class SurveyRepository {

    private final JdbcClient jdbc;

    SurveyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void ticketOpened(UUID ticketId, UUID customerId, String model, String tier, Instant openedAt) {
        jdbc.sql("""
                        insert into survey_ticket (ticket_id, customer_id, model, tier, opened_at)
                        values (:id, :customer, :model, :tier, :at) on conflict (ticket_id) do nothing""")
                .param("id", ticketId).param("customer", customerId).param("model", model).param("tier", tier)
                .param("at", Timestamp.from(openedAt)).update();
    }

    Optional<UUID> customerOfTicket(UUID ticketId) {
        return jdbc.sql("select customer_id from survey_ticket where ticket_id = :id").param("id", ticketId)
                .query(UUID.class).optional();
    }

    /** @return false if the ticket already has a survey (the unique ticket_id) */
    boolean schedule(UUID id, UUID ticketId, UUID customerId, String token, String triggeredBy, SurveyStatus status,
                     String decision, Instant sendAt, Instant expiresAt, Instant now) {
        return jdbc.sql("""
                        insert into survey (id, ticket_id, customer_id, token, triggered_by, status, decision, send_at,
                                            expires_at, created_at)
                        values (:id, :ticket, :customer, :token, :trigger, :status, :decision, :sendAt, :expiresAt, :now)
                        on conflict (ticket_id) do nothing""")
                .param("id", id).param("ticket", ticketId).param("customer", customerId).param("token", token)
                .param("trigger", triggeredBy).param("status", status.name()).param("decision", decision)
                .param("sendAt", Timestamp.from(sendAt)).param("expiresAt", Timestamp.from(expiresAt))
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** Locks the row: two answers racing for one survey are serialised and the second sees ANSWERED. */
    Optional<Survey> findForUpdate(UUID id) {
        return jdbc.sql("select * from survey where id = :id for update").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    Optional<Survey> find(UUID id) {
        return jdbc.sql("select * from survey where id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    Optional<Survey> byTicket(UUID ticketId) {
        return jdbc.sql("select * from survey where ticket_id = :id").param("id", ticketId).query((rs, n) -> map(rs)).optional();
    }

    void answer(UUID id, Integer csat, Integer nps, String comment, String channel, Instant at, String action, String rule,
                String decision, UUID complaintId, UUID callbackTaskId) {
        jdbc.sql("""
                        update survey set status = 'ANSWERED', csat = :csat, nps = :nps, comment = :comment, channel = :channel,
                            answered_at = :at, low_score_action = :action, low_score_rule = :rule,
                            decision = decision || ' | ' || :decision, complaint_id = :complaint, callback_task_id = :task
                        where id = :id""")
                .param("csat", csat).param("nps", nps).param("comment", comment).param("channel", channel)
                .param("at", Timestamp.from(at)).param("action", action).param("rule", rule).param("decision", decision)
                .param("complaint", complaintId).param("task", callbackTaskId).param("id", id)
                .update();
    }

    /** Scheduled, unsent surveys whose send time has come and which have not expired. */
    /** Due first (send time, then id), after the keyset position ({@code afterSendAt}, {@code afterId}) if any. */
    List<Survey> dueToSend(Instant now, Instant afterSendAt, UUID afterId, int limit) {
        return jdbc.sql("""
                        select * from survey where status = 'SCHEDULED' and sent_at is null and send_at <= :now and expires_at > :now
                          and (cast(:afterId as uuid) is null or (send_at, id) > (:afterAt, :afterId))
                        order by send_at, id limit :limit""")
                .param("now", Timestamp.from(now))
                .param("afterAt", afterSendAt == null ? null : Timestamp.from(afterSendAt)).param("afterId", afterId)
                .param("limit", limit).query((rs, n) -> map(rs)).list();
    }

    /** @return false if it was already marked sent */
    boolean markSent(UUID id, Instant at) {
        return jdbc.sql("update survey set sent_at = :at where id = :id and sent_at is null")
                .param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    void skip(UUID id, String decision) {
        jdbc.sql("update survey set status = 'SKIPPED', decision = decision || ' | ' || :decision where id = :id")
                .param("decision", decision).param("id", id).update();
    }

    /** Average CSAT of answers since {@code from}; null without answers. */
    Double averageCsat(Instant from) {
        return jdbc.sql("select avg(csat) from survey where answered_at >= :from and csat is not null")
                .param("from", Timestamp.from(from)).query(Double.class).optional().orElse(null);
    }

    /** NPS of answers since {@code from}: % promoters (9–10) minus % detractors (0–6); null without answers. */
    Double nps(Instant from) {
        return jdbc.sql("""
                        select 100.0 * (count(*) filter (where nps >= 9) - count(*) filter (where nps <= 6)) / nullif(count(*), 0)
                        from survey where answered_at >= :from and nps is not null""")
                .param("from", Timestamp.from(from)).query(Double.class).optional().orElse(null);
    }

    private static Survey map(ResultSet rs) throws SQLException {
        return new Survey(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getObject("customer_id", UUID.class), rs.getString("token"), rs.getString("triggered_by"),
                SurveyStatus.valueOf(rs.getString("status")), rs.getString("decision"), rs.getTimestamp("send_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), (Integer) rs.getObject("csat"), (Integer) rs.getObject("nps"),
                rs.getString("comment"), rs.getString("channel"),
                rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant(),
                rs.getString("low_score_action"), rs.getString("low_score_rule"), rs.getObject("complaint_id", UUID.class),
                rs.getObject("callback_task_id", UUID.class),
                rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant());
    }
}
