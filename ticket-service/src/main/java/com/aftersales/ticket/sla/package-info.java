/**
 * SLA clocks: first response, on-site promise, on-site internal target ("beat the promise") and
 * resolution, on business hours of the configured {@link com.aftersales.calendar.BusinessCalendar}.
 * {@link com.aftersales.ticket.sla.SlaPolicy} (which target applies, and why) and
 * {@link com.aftersales.ticket.sla.SlaClock} (start, pause, resume, stop) are plain Java; the scanner
 * publishes {@code aftersales.ticket.sla-warning.v1} and {@code aftersales.ticket.sla-breached.v1}
 * exactly once per clock, claiming due clocks with {@code FOR UPDATE SKIP LOCKED} in the transaction
 * that marks them and writes the event to the outbox, so restarts and several instances never repeat one.
 */
package com.aftersales.ticket.sla;
