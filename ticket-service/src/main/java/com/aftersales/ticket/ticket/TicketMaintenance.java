package com.aftersales.ticket.ticket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes resolved tickets the customer did not answer. Rows are locked while closing, so two instances
 * never close the same ticket twice (the second finds it CLOSED and skips it).
 */
@Component
class TicketMaintenance {

    private static final Logger log = LoggerFactory.getLogger(TicketMaintenance.class);
    static final int BATCH = 100;

    private final TicketService tickets;

    TicketMaintenance(TicketService tickets) {
        this.tickets = tickets;
    }

    @Scheduled(fixedDelayString = "${aftersales.ticket.auto-close-scan-interval}",
            initialDelayString = "${aftersales.ticket.auto-close-scan-interval}")
    void autoClose() {
        try {
            int closed = tickets.autoClose(BATCH);
            if (closed > 0) {
                log.info("Closed {} resolved tickets without the customer's reply", closed);
            }
        } catch (RuntimeException e) {
            log.warn("Auto-close failed, retried on the next scan: {}", e.toString());
        }
    }
}
