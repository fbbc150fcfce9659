package com.aftersales.ticket.call;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Call records in PostgreSQL. */
@Repository
class CallRepository {

    private final JdbcClient jdbc;

    CallRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CallRecord call) {
        jdbc.sql("""
                        insert into call_record (id, customer_id, caller_name, caller_phone, topic, category, model, question,
                                                 answer, outcome, article_id, callback_due_at, logged_by, logged_at)
                        values (:id, :customerId, :callerName, :callerPhone, :topic, :category, :model, :question, :answer,
                                :outcome, :articleId, :callbackDueAt, :loggedBy, :loggedAt)""")
                .param("id", call.id())
                .param("customerId", call.customerId())
                .param("callerName", call.callerName())
                .param("callerPhone", call.callerPhone())
                .param("topic", call.topic().name())
                .param("category", call.category())
                .param("model", call.model())
                .param("question", call.question())
                .param("answer", call.answer())
                .param("outcome", call.outcome().name())
                .param("articleId", call.articleId())
                .param("callbackDueAt", call.callbackDueAt() == null ? null : Timestamp.from(call.callbackDueAt()))
                .param("loggedBy", call.loggedBy())
                .param("loggedAt", Timestamp.from(call.loggedAt()))
                .update();
    }

    Optional<CallView> find(UUID id) {
        return jdbc.sql("select * from call_record where id = :id").param("id", id).query(this::map).optional();
    }

    /** Records the promised call-back as made, once; false when there was none open. */
    boolean completeCallback(UUID id, String by, String note, Instant at) {
        return jdbc.sql("""
                        update call_record set callback_done_at = :at, callback_done_by = :by, callback_note = :note
                        where id = :id and outcome = 'CALLBACK_PROMISED' and callback_done_at is null""")
                .param("id", id).param("at", Timestamp.from(at)).param("by", by).param("note", note).update() == 1;
    }

    /**
     * Newest first (logged, then id), every given criterion applied; {@code openCallbacks} keeps the promised
     * call-backs not yet made, the earliest due first (due, then id). {@code afterAt} and {@code afterId}, when not
     * null, are the keyset position in that order: the time the order is by and the id of the last row before.
     */
    List<CallView> list(UUID customerId, String callerPhone, CallTopic topic, Instant from, Instant to,
                        boolean openCallbacks, Instant afterAt, UUID afterId, int limit) {
        return jdbc.sql("""
                        select * from call_record
                        where (cast(:customerId as uuid) is null or customer_id = :customerId)
                          and (cast(:phone as text) is null or caller_phone = :phone)
                          and (cast(:topic as text) is null or topic = :topic)
                          and (cast(:from as timestamptz) is null or logged_at >= :from)
                          and (cast(:to as timestamptz) is null or logged_at < :to)
                          and (not :open or (outcome = 'CALLBACK_PROMISED' and callback_done_at is null))
                          and (cast(:afterId as uuid) is null
                               or (:open and (callback_due_at, id) > (:afterAt, :afterId))
                               or (not :open and (logged_at, id) < (:afterAt, :afterId)))
                        order by case when :open then callback_due_at end, case when :open then id end,
                                 logged_at desc, id desc
                        limit :limit""")
                .param("customerId", customerId)
                .param("phone", callerPhone)
                .param("topic", topic == null ? null : topic.name())
                .param("from", from == null ? null : Timestamp.from(from))
                .param("to", to == null ? null : Timestamp.from(to))
                .param("open", openCallbacks)
                .param("afterAt", afterAt == null ? null : Timestamp.from(afterAt))
                .param("afterId", afterId)
                .param("limit", limit)
                .query(this::map).list();
    }

    private CallView map(ResultSet rs, int row) throws SQLException {
        return new CallView(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class), rs.getString("caller_name"),
                rs.getString("caller_phone"), CallTopic.valueOf(rs.getString("topic")), rs.getString("category"),
                rs.getString("model"), rs.getString("question"), rs.getString("answer"),
                CallOutcome.valueOf(rs.getString("outcome")), rs.getObject("article_id", UUID.class),
                instant(rs, "callback_due_at"), instant(rs, "callback_done_at"), rs.getString("callback_done_by"),
                rs.getString("callback_note"), rs.getString("logged_by"), instant(rs, "logged_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
