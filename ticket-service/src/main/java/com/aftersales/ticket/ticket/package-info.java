/**
 * Tickets (工单): a customer's request from intake to closing. {@link com.aftersales.ticket.ticket.Ticket}
 * and {@link com.aftersales.ticket.ticket.TicketStatus} hold the lifecycle rules without Spring; the
 * controller, the JDBC repository and the dispatch-event listener are the adapters around them.
 */
package com.aftersales.ticket.ticket;
