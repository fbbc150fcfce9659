/**
 * What operations watch: query-backed gauges (technicians by status, open jobs, utilisation) and the read-only
 * snapshot behind the gateway's ops console ({@code GET /api/ops/dispatch-service}).
 */
package com.aftersales.dispatch.operations;
