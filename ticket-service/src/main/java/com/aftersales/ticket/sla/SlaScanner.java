package com.aftersales.ticket.sla;

import com.aftersales.ticket.shared.TicketMetrics;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketSlaBreached;
import com.aftersales.contracts.ticket.TicketSlaWarning;
import com.aftersales.platform.outbox.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Publishes SLA warnings and breaches. Exactly once per clock: a scan claims due clocks with
 * {@code FOR UPDATE SKIP LOCKED}, writes the event to the outbox and marks the clock in the same
 * transaction. A crash before commit publishes nothing and the next scan (on any instance, after a
 * restart too) claims the clock again; after commit the mark keeps it from being claimed twice.
 */
@Component
class SlaScanner {

    private static final Logger log = LoggerFactory.getLogger(SlaScanner.class);

    private final SlaClockRepository clocks;
    private final EventPublisher events;
    private final TransactionTemplate transactions;
    private final SlaProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    SlaScanner(SlaClockRepository clocks, EventPublisher events, TransactionTemplate transactions,
               SlaProperties properties, Clock clock, MeterRegistry meters) {
        this.clocks = clocks;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${aftersales.ticket.sla.scan-interval}", initialDelayString = "${aftersales.ticket.sla.scan-interval}")
    void scheduledScan() {
        try {
            scan();
        } catch (RuntimeException e) {
            // The next scan retries: nothing was committed.
            log.warn("SLA scan failed: {}", e.toString());
        }
    }

    /** Publishes what is due; returns how many events were written. */
    int scan() {
        int total = 0;
        int written;
        do {
            written = scanBatch();
            total += written;
        } while (written > 0 && written >= properties.scanBatch());
        return total;
    }

    private int scanBatch() {
        Integer written = transactions.execute(status -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            List<SlaClockRepository.DueClock> due = clocks.claimDue(now, properties.scanBatch());
            for (SlaClockRepository.DueClock d : due) {
                SlaClock c = d.clock();
                if (d.warningDue()) {
                    events.publish(TicketEvents.TICKET_SLA_WARNING, c.ticketId().toString(), new TicketSlaWarning(
                            c.ticketId(), c.type().name(), c.target().toSeconds(), c.rule(), c.dueAt(), now));
                    clocks.markWarningPublished(c, now);
                    meters.counter(TicketMetrics.SLA_WARNINGS, "clock", c.type().name()).increment();
                }
                if (d.breachDue()) {
                    events.publish(TicketEvents.TICKET_SLA_BREACHED, c.ticketId().toString(), new TicketSlaBreached(
                            c.ticketId(), c.type().name(), c.target().toSeconds(), c.rule(), c.dueAt(), now));
                    clocks.markBreachPublished(c, now);
                    meters.counter(TicketMetrics.SLA_BREACHES, "clock", c.type().name()).increment();
                }
            }
            return due.size();
        });
        return written == null ? 0 : written;
    }
}
