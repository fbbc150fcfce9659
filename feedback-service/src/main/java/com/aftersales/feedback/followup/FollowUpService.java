package com.aftersales.feedback.followup;

import com.aftersales.feedback.shared.FeedbackMetrics;
import com.aftersales.domain.error.InvalidFieldException;
import com.aftersales.domain.error.NotFoundException;
import com.aftersales.feedback.shared.StateConflictException;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Who is due for a care contact and why. FU-TIER-&lt;tier&gt;: a customer is due when the tier's cadence has passed
 * since the last contact that reached them (or since registration); attempts that did not reach them are
 * recorded but do not restart the cadence (FU-REACHED). FU-CONSENT: customers who refused contact are never
 * listed. Open callback tasks (e.g. from a low survey score) are due at their due time.
 */
@Service
class FollowUpService {

    static final String REACHED = "REACHED";
    static final String TIER_CADENCE = "TIER_CADENCE";

    private final JdbcClient jdbc;
    private final FollowUpProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    FollowUpService(JdbcClient jdbc, FollowUpProperties properties, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** One entry of the due list. */
    record Due(UUID customerId, String name, String tier, String phone, String preferredLanguage, String reason,
               UUID taskId, Instant dueAt, String rule) {

        /** What makes an entry unique in the list: its task, or the customer a tier cadence made due. */
        UUID key() {
            return taskId != null ? taskId : customerId;
        }
    }

    /**
     * Oldest due first (due time, then {@link Due#key()}), after the keyset position ({@code afterDueAt},
     * {@code afterKey}) when it is not null: each source reads at most {@code limit} entries after it in SQL, and the
     * first {@code limit} of them together are the page.
     */
    List<Due> due(Instant asOf, String tier, Instant afterDueAt, UUID afterKey, int limit) {
        Instant at = asOf == null ? clock.instant() : asOf;
        if (tier != null && !properties.cadence().containsKey(tier)) {
            throw InvalidFieldException.withKey("tier", "field.one-of", new TreeMap<>(properties.cadence()).keySet().toString());
        }
        List<Due> due = new ArrayList<>();
        properties.cadence().forEach((t, cadence) -> {
            if (tier != null && !tier.equals(t)) {
                return;
            }
            due.addAll(jdbc.sql("""
                            select c.customer_id, c.name, c.tier, c.phone, c.preferred_language,
                                   coalesce(max(f.contacted_at) filter (where f.outcome = 'REACHED'), c.registered_at) as last_contact
                            from customer_profile c left join follow_up_contact f on f.customer_id = c.customer_id
                            where c.tier = :tier and c.contact_consent is distinct from false
                            group by c.customer_id
                            having coalesce(max(f.contacted_at) filter (where f.outcome = 'REACHED'), c.registered_at) <= :cutoff
                               and (cast(:afterKey as uuid) is null
                                    or (coalesce(max(f.contacted_at) filter (where f.outcome = 'REACHED'), c.registered_at),
                                        c.customer_id) > (:afterLast, :afterKey))
                            order by last_contact, c.customer_id limit :limit""")
                    .param("tier", t).param("cutoff", Timestamp.from(at.minus(cadence)))
                    // due = last contact + cadence, so "due after" is "last contact after" the due time less the cadence
                    .param("afterLast", afterDueAt == null ? null : Timestamp.from(afterDueAt.minus(cadence)))
                    .param("afterKey", afterKey).param("limit", limit)
                    .query((rs, n) -> {
                        Instant last = rs.getTimestamp("last_contact").toInstant();
                        return new Due(rs.getObject("customer_id", UUID.class), rs.getString("name"), rs.getString("tier"),
                                rs.getString("phone"), rs.getString("preferred_language"), TIER_CADENCE, null,
                                last.plus(cadence), "FU-TIER-" + t + ": contact every " + cadence + "; last reached " + last);
                    })
                    .list());
        });
        if (tier == null) {
            due.addAll(jdbc.sql("""
                            select t.id, t.customer_id, t.reason, t.explanation, t.due_at, c.name, c.tier, c.phone, c.preferred_language
                            from follow_up_task t left join customer_profile c on c.customer_id = t.customer_id
                            where t.status = 'OPEN' and t.due_at <= :at
                              and (cast(:afterKey as uuid) is null or (t.due_at, t.id) > (:afterDue, :afterKey))
                            order by t.due_at, t.id limit :limit""")
                    .param("at", Timestamp.from(at))
                    .param("afterDue", afterDueAt == null ? null : Timestamp.from(afterDueAt)).param("afterKey", afterKey)
                    .param("limit", limit)
                    .query((rs, n) -> new Due(rs.getObject("customer_id", UUID.class), rs.getString("name"), rs.getString("tier"),
                            rs.getString("phone"), rs.getString("preferred_language"), rs.getString("reason"),
                            rs.getObject("id", UUID.class), rs.getTimestamp("due_at").toInstant(), rs.getString("explanation")))
                    .list());
        }
        // The key as text: PostgreSQL orders uuids as their text does, UUID.compareTo does not.
        return due.stream().sorted(Comparator.comparing(Due::dueAt).thenComparing(d -> d.key().toString()))
                .limit(limit).toList();
    }

    /** A recorded contact. */
    record Contact(UUID id, UUID customerId, UUID taskId, String outcome, String channel, String notes, String contactedBy,
                   Instant contactedAt) {
    }

    Contact contact(UUID id) {
        return jdbc.sql("""
                        select id, customer_id, task_id, outcome, channel, notes, contacted_by, contacted_at
                        from follow_up_contact where id = :id""")
                .param("id", id)
                .query((rs, n) -> new Contact(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .optional().orElseThrow(() -> new NotFoundException("follow-up contact", id));
    }

    @Transactional
    Contact record(UUID customerId, UUID taskId, ContactOutcome outcome, ContactChannel channel, String notes, String by) {
        Instant now = clock.instant();
        if (taskId != null) {
            Map<String, Object> task = jdbc.sql("select customer_id, status from follow_up_task where id = :id for update")
                    .param("id", taskId).query().listOfRows().stream().findFirst()
                    .orElseThrow(() -> new NotFoundException("follow-up task", taskId));
            if (!customerId.equals(task.get("customer_id"))) {
                throw InvalidFieldException.withKey("taskId", "feedback.follow-up.foreign-task");
            }
            if (!"OPEN".equals(task.get("status"))) {
                throw new StateConflictException("conflict", 409, "The request conflicts with the current state",
                        "Follow-up task " + taskId + " is already done", Map.of(), "detail.follow-up-task-done", taskId);
            }
            // A callback is done once the customer was reached or refused; other attempts leave it open.
            if (outcome == ContactOutcome.REACHED || outcome == ContactOutcome.DECLINED) {
                jdbc.sql("update follow_up_task set status = 'DONE', outcome = :outcome, completed_at = :now where id = :id")
                        .param("outcome", outcome.name()).param("now", Timestamp.from(now)).param("id", taskId).update();
            }
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into follow_up_contact (id, customer_id, task_id, outcome, channel, notes, contacted_by, contacted_at)
                        values (:id, :customer, :task, :outcome, :channel, :notes, :by, :at)""")
                .param("id", id).param("customer", customerId).param("task", taskId).param("outcome", outcome.name())
                .param("channel", channel.name()).param("notes", notes).param("by", by).param("at", Timestamp.from(now))
                .update();
        meters.counter(FeedbackMetrics.FOLLOW_UP_CONTACTS, "outcome", outcome.name()).increment();
        return new Contact(id, customerId, taskId, outcome.name(), channel.name(), notes, by, now);
    }
}
