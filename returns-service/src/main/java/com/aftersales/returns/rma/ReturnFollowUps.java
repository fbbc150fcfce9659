package com.aftersales.returns.rma;

import com.aftersales.returns.shared.ReturnsMetrics;
import com.aftersales.contracts.returns.PickupReminderSent;
import com.aftersales.contracts.returns.ReturnAgeingAlert;
import com.aftersales.contracts.returns.ReturnFollowUpDue;
import com.aftersales.contracts.returns.ReturnStatusChanged;
import com.aftersales.contracts.returns.ReturnsEvents;
import com.aftersales.returns.policy.StoreTimeZones;
import com.aftersales.platform.outbox.EventPublisher;
import com.aftersales.platform.metrics.CachedGauges;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scheduled follow-ups of returns: pick-up reminders (and the posting task after the last notice), and ageing
 * alerts for returns the company has not processed in time. Rows are locked with SKIP LOCKED, so several
 * instances share the work; each return's change and its event commit together.
 */
@Component
public class ReturnFollowUps {

    private static final Logger log = LoggerFactory.getLogger(ReturnFollowUps.class);
    static final String WARNING = "WARNING";
    static final String ESCALATED = "ESCALATED";
    /**
     * Statuses of received goods not yet processed (ageing counts from arrival). Before arrival nothing ages here: a
     * dealer's photos have their own 24-hour follow-up, and AUTHORIZED waits for the customer to send the unit.
     */
    private static final List<String> AWAITING_COMPANY = List.of(ReturnStatus.RECEIVED.name(),
            ReturnStatus.INSPECTED.name(), ReturnStatus.FEE_NEGOTIATION.name(), ReturnStatus.OUT_OF_STOCK.name(),
            ReturnStatus.IN_REPAIR.name(), ReturnStatus.REPAIRED.name(), ReturnStatus.AWAITING_POSTING.name(),
            ReturnStatus.SETTLEMENT_PENDING.name(), ReturnStatus.SETTLED.name());

    private final ReturnRepository returns;
    private final EventPublisher events;
    private final ReturnProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final StoreTimeZones zones;
    /** Received returns not yet processed, by time since arrival: within the processing time, overdue, past the escalation time. */
    private static final String[] BUCKETS = {"within-processing-time", "overdue", "escalation-due"};

    ReturnFollowUps(ReturnRepository returns, EventPublisher events, ReturnProperties properties,
                    TransactionTemplate transactions, Clock clock, MeterRegistry meters, CachedGauges gauges, StoreTimeZones zones) {
        this.zones = zones;
        this.returns = returns;
        this.events = events;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
        gauges.register(ReturnsMetrics.RETURNS_BY_STATUS, "Returns in each status", () -> {
            Map<Tags, Long> values = new HashMap<>();
            countByStatus().forEach((status, count) -> values.put(Tags.of("status", status.name()), count));
            return values;
        });
        gauges.register(ReturnsMetrics.RETURNS_OPEN_AGEING, "Open returns awaiting the company, by time without progress", () -> {
            Map<Tags, Long> values = new HashMap<>();
            ageingBuckets(clock.instant()).forEach((bucket, count) -> values.put(Tags.of("bucket", bucket), count));
            return values;
        });
    }

    @Scheduled(fixedDelayString = "${aftersales.returns.rma.follow-ups.interval}",
            initialDelayString = "${aftersales.returns.rma.follow-ups.interval}")
    void scheduled() {
        try {
            runAt(clock.instant());
        } catch (RuntimeException e) {
            // Database away: the next run picks up where this one stopped.
            log.warn("Return follow-ups could not run, will retry: {}", e.toString());
        }
    }

    /** Runs every follow-up due at {@code now}; returns how many returns were acted on. */
    public int runAt(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        int acted = drain(() -> pickups(at)) + drain(() -> followUps(at)) + ageing(at);
        return acted;
    }

    /** Returns in each status, every status present. */
    public Map<ReturnStatus, Long> countByStatus() {
        Map<ReturnStatus, Long> counts = new EnumMap<>(ReturnStatus.class);
        for (ReturnStatus status : ReturnStatus.values()) {
            counts.put(status, 0L);
        }
        counts.putAll(returns.countByStatus());
        return counts;
    }

    /**
     * Open returns awaiting the company by time without progress: within the processing time, overdue (past it),
     * escalation due (past the escalation time), in that order.
     */
    public Map<String, Long> ageingBuckets(Instant now) {
        long[] buckets = returns.ageingBuckets(now.minus(properties.ageing().processingTime()),
                now.minus(properties.ageing().escalationTime()), AWAITING_COMPANY);
        Map<String, Long> result = new LinkedHashMap<>();
        for (int i = 0; i < BUCKETS.length; i++) {
            result.put(BUCKETS[i], buckets[i]);
        }
        return result;
    }

    private int pickups(Instant now) {
        int notices = properties.pickup().notices();
        Duration interval = properties.pickup().reminderInterval();
        Integer acted = transactions.execute(tx -> {
            List<ReturnOrder> due = returns.pickupsDue(now, properties.followUps().batchSize());
            for (ReturnOrder order : due) {
                if (order.reminderDue(notices, now)) {
                    int number = order.remind(interval, now);
                    returns.update(order);
                    events.publish(ReturnsEvents.PICKUP_REMINDER_SENT, order.id().toString(),
                            new PickupReminderSent(order.id(), number, notices, now));
                    meters.counter(ReturnsMetrics.PICKUP_REMINDERS).increment();
                } else if (order.postingDue(notices, now)) {
                    // Not shipped yet: the store posts the unit and records carrier and tracking number (ship-back).
                    Instant lastNotice = order.pickup().nextNoticeDueAt().minus(interval);
                    order.awaitPosting(zones.dateAt(order.request().storeCode(), lastNotice), now);
                    returns.update(order);
                    events.publish(ReturnsEvents.RETURN_STATUS_CHANGED, order.id().toString(), new ReturnStatusChanged(order.id(),
                            ReturnStatus.READY_FOR_PICKUP.name(), order.status().name(), order.remedy().name(), now,
                            order.request().ticketId(), order.request().requestedByStore(), order.countsInReturnRate()));
                    // The POSTING_DUE follow-up it sets is raised by followUps() right after, as every follow-up is.
                    meters.counter(ReturnsMetrics.PICKUP_POSTING_DUE).increment();
                }
            }
            return due.size();
        });
        return acted == null ? 0 : acted;
    }

    private int followUps(Instant now) {
        Integer raised = transactions.execute(tx -> {
            List<ReturnOrder> due = returns.followUpsDue(now, properties.followUps().batchSize());
            for (ReturnOrder order : due) {
                ReturnOrder.FollowUp followUp = order.followUpRaised(now);
                returns.update(order);
                events.publish(ReturnsEvents.RETURN_FOLLOW_UP_DUE, order.id().toString(), new ReturnFollowUpDue(order.id(),
                        followUp.reason().name(), order.status().name(), followUp.dueAt(), now));
                meters.counter(ReturnsMetrics.FOLLOW_UPS_DUE, "reason", followUp.reason().name()).increment();
            }
            return due.size();
        });
        return raised == null ? 0 : raised;
    }

    private int ageing(Instant now) {
        int escalated = drain(() -> raise(now, ESCALATED, properties.ageing().escalationTime(), List.of(WARNING)));
        int warned = drain(() -> raise(now, WARNING, properties.ageing().processingTime(), List.of()));
        return escalated + warned;
    }

    /** Repeats a batch until one comes back short: everything due now is handled, one transaction per batch. */
    private int drain(java.util.function.IntSupplier batch) {
        int total = 0;
        int handled;
        do {
            handled = batch.getAsInt();
            total += handled;
        } while (handled == properties.followUps().batchSize());
        return total;
    }

    private int raise(Instant now, String level, Duration after, List<String> lowerLevels) {
        Integer raised = transactions.execute(tx -> {
            List<ReturnOrder> ageing = returns.ageing(now.minus(after), lowerLevels.isEmpty() ? List.of("") : lowerLevels,
                    AWAITING_COMPANY, properties.followUps().batchSize());
            for (ReturnOrder order : ageing) {
                String responsible = ESCALATED.equals(level) ? properties.ageing().responsibleFor(order.request().storeCode()) : null;
                order.ageingAlerted(level, responsible, now);
                returns.update(order);
                Instant receivedAt = order.receipt().at();
                events.publish(ReturnsEvents.RETURN_AGEING_ALERT, order.id().toString(), new ReturnAgeingAlert(order.id(), level,
                        order.status().name(), Duration.between(order.lastProgressAt(), now).toDays(), order.lastProgressAt(), now,
                        receivedAt, Duration.between(receivedAt, now).toDays(), responsible));
                meters.counter(ReturnsMetrics.AGEING_ALERTS, "level", level).increment();
            }
            return ageing.size();
        });
        return raised == null ? 0 : raised;
    }
}
