/**
 * What operations watch: the query-backed gauges (open tickets by status, SLA clocks at risk) and the read-only
 * snapshot behind the gateway's ops console ({@code GET /api/ops/ticket-service}).
 */
package com.aftersales.ticket.operations;
