package com.aftersales.ticket.operations;

import com.aftersales.ticket.shared.TicketMetrics;
import com.aftersales.ticket.sla.SlaClockType;
import com.aftersales.ticket.ticket.Channel;
import com.aftersales.ticket.ticket.TicketType;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Registers the domain counters at zero for every tag combination (all small enums), so that dashboards and
 * alert rules see a series from the start instead of "no data" until the first event.
 */
@Component
class ZeroCounters {

    ZeroCounters(MeterRegistry meters) {
        for (TicketType type : TicketType.values()) {
            for (Channel channel : Channel.values()) {
                meters.counter(TicketMetrics.TICKETS_OPENED, "type", type.name(), "channel", channel.name());
                meters.counter(TicketMetrics.TICKETS_CLOSED, "type", type.name(), "channel", channel.name());
            }
        }
        for (SlaClockType clock : SlaClockType.values()) {
            meters.counter(TicketMetrics.SLA_WARNINGS, "clock", clock.name());
            meters.counter(TicketMetrics.SLA_BREACHES, "clock", clock.name());
        }
    }
}
