package com.aftersales.feedback.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Notices, their attempts, and whose ticket or return a notice is about. */
@Repository
class NotificationRepository {

    private static final TypeReference<Map<String, String>> ARGS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void rememberTicket(UUID ticketId, UUID customerId) {
        jdbc.sql("insert into notice_ticket (ticket_id, customer_id) values (:t, :c) on conflict do nothing")
                .param("t", ticketId).param("c", customerId).update();
    }

    void rememberReturn(UUID returnId, UUID customerId, UUID ticketId, String channel) {
        jdbc.sql("""
                        insert into notice_return (return_id, customer_id, ticket_id, channel) values (:r, :c, :t, :ch)
                        on conflict do nothing""")
                .param("r", returnId).param("c", customerId).param("t", ticketId).param("ch", channel).update();
    }

    /** Whose return it is; customerId is null for a dealer's return. */
    record ReturnRef(UUID customerId, UUID ticketId, String channel) {
    }

    Optional<ReturnRef> returnRef(UUID returnId) {
        return jdbc.sql("select customer_id, ticket_id, channel from notice_return where return_id = :r").param("r", returnId)
                .query((rs, n) -> new ReturnRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
                .optional();
    }

    Optional<UUID> customerOfTicket(UUID ticketId) {
        return jdbc.sql("select customer_id from notice_ticket where ticket_id = :t").param("t", ticketId)
                .query(UUID.class).optional();
    }

    /** @return false when this source already made this notice (a redelivered event) */
    boolean insert(UUID id, String sourceRef, NoticeType type, UUID customerId, UUID ticketId, UUID returnId,
                   Map<String, String> args, Instant now) {
        return jdbc.sql("""
                        insert into notification (id, source_ref, notice_type, customer_id, ticket_id, return_id, args, status,
                                                  next_attempt_at, created_at)
                        values (:id, :source, :type, :customer, :ticket, :return, cast(:args as jsonb), 'PENDING', :now, :now)
                        on conflict (source_ref, notice_type) do nothing""")
                .param("id", id).param("source", sourceRef).param("type", type.name()).param("customer", customerId)
                .param("ticket", ticketId).param("return", returnId).param("args", json.writeValueAsString(args))
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** Takes due notices for this instance: they are not due again until the lease ends (another instance skips them). */
    List<UUID> claimDue(Instant now, int limit, Instant leaseUntil) {
        return jdbc.sql("""
                        update notification set next_attempt_at = :lease
                        where id in (select id from notification where status = 'PENDING' and next_attempt_at <= :now
                                     order by next_attempt_at limit :limit for update skip locked)
                        returning id""")
                .param("now", Timestamp.from(now)).param("limit", limit).param("lease", Timestamp.from(leaseUntil))
                .query(UUID.class).list();
    }

    Optional<Notification> find(UUID id) {
        return jdbc.sql("select * from notification where id = :id").param("id", id).query(this::row).optional();
    }

    Optional<Notification> findForUpdate(UUID id) {
        return jdbc.sql("select * from notification where id = :id for update").param("id", id).query(this::row).optional();
    }

    /** Oldest first (created, then id), after the keyset position ({@code afterCreatedAt}, {@code afterId}) if any. */
    List<Notification> list(UUID ticketId, UUID customerId, UUID returnId, Instant afterCreatedAt, UUID afterId,
                            int limit) {
        return jdbc.sql("""
                        select * from notification
                        where (cast(:ticket as uuid) is null or ticket_id = :ticket)
                          and (cast(:customer as uuid) is null or customer_id = :customer)
                          and (cast(:return as uuid) is null or return_id = :return)
                          and (cast(:afterId as uuid) is null or (created_at, id) > (:afterAt, :afterId))
                        order by created_at, id limit :limit""")
                .param("ticket", ticketId).param("customer", customerId).param("return", returnId)
                .param("afterAt", afterCreatedAt == null ? null : Timestamp.from(afterCreatedAt)).param("afterId", afterId)
                .param("limit", limit)
                .query(this::row).list();
    }

    List<Notification.Attempt> attempts(UUID id) {
        return jdbc.sql("""
                        select attempt, channel, outcome, detail, attempted_at from notification_attempt
                        where notification_id = :id order by attempt""")
                .param("id", id)
                .query((rs, n) -> new Notification.Attempt(rs.getInt(1),
                        rs.getString(2) == null ? null : ChannelKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    void recordAttempt(UUID id, int attempt, ChannelKind channel, String outcome, String detail, Instant at) {
        jdbc.sql("""
                        insert into notification_attempt (notification_id, attempt, channel, outcome, detail, attempted_at)
                        values (:id, :attempt, :channel, :outcome, :detail, :at) on conflict do nothing""")
                .param("id", id).param("attempt", attempt).param("channel", channel == null ? null : channel.name())
                .param("outcome", outcome).param("detail", detail).param("at", Timestamp.from(at)).update();
    }

    /** What the delivery resolved: the customer, channel, address, language and text. */
    void resolved(UUID id, UUID customerId, ChannelKind channel, String recipient, String language, String subject,
                  String body) {
        jdbc.sql("""
                        update notification set customer_id = coalesce(:customer, customer_id), channel = :channel,
                               recipient = :recipient, language = :language, subject = :subject, body = :body
                        where id = :id""")
                .param("id", id).param("customer", customerId).param("channel", channel == null ? null : channel.name())
                .param("recipient", recipient).param("language", language).param("subject", subject).param("body", body)
                .update();
    }

    void retry(UUID id, int attempts, Instant nextAttemptAt, String rule, String decision, String error) {
        jdbc.sql("""
                        update notification set attempts = :attempts, next_attempt_at = :next, rule = :rule,
                               decision = :decision, last_error = :error
                        where id = :id and status = 'PENDING'""")
                .param("id", id).param("attempts", attempts).param("next", Timestamp.from(nextAttemptAt))
                .param("rule", rule).param("decision", decision).param("error", error).update();
    }

    void end(UUID id, Notification.Status status, int attempts, String rule, String decision, String error, Instant at) {
        jdbc.sql("""
                        update notification set status = :status, attempts = :attempts, rule = :rule, decision = :decision,
                               last_error = :error, ended_at = :at
                        where id = :id and status = 'PENDING'""")
                .param("id", id).param("status", status.name()).param("attempts", attempts).param("rule", rule)
                .param("decision", decision).param("error", error).param("at", Timestamp.from(at)).update();
    }

    private Notification row(ResultSet rs, int n) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        String channel = rs.getString("channel");
        return new Notification(rs.getObject("id", UUID.class), rs.getString("source_ref"),
                NoticeType.valueOf(rs.getString("notice_type")), rs.getObject("customer_id", UUID.class),
                rs.getObject("ticket_id", UUID.class), rs.getObject("return_id", UUID.class),
                json.readValue(rs.getString("args"), ARGS), Notification.Status.valueOf(rs.getString("status")),
                rs.getString("rule"), rs.getString("decision"), channel == null ? null : ChannelKind.valueOf(channel),
                rs.getString("recipient"), rs.getString("language"), rs.getString("subject"), rs.getString("body"),
                rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), ended == null ? null : ended.toInstant());
    }
}
