/**
 * A local record of the tickets that ticket-service opened (unit, model, type, when), kept from
 * {@code aftersales.ticket.opened.v1}. Returns reference the ticket they come from, and this service
 * must keep working while ticket-service is down, so it never calls it for these facts.
 */
package com.aftersales.returns.ticketref;
