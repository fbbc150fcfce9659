/**
 * KPIs (绩效评估) projected from events only. Each ticket's facts are kept in one row
 * ({@link com.aftersales.feedback.kpi.TicketFacts}); its contribution to the pre-aggregated daily table
 * ({@code kpi_daily}: one row per day × dimension × value with additive counts and sums) is a pure function
 * of that row ({@link com.aftersales.feedback.kpi.KpiContribution}), so a late or out-of-order fact is
 * applied as "new contribution minus old" in the same transaction, and a rebuild from offset zero gives
 * the same table. Queries only sum pre-aggregated rows.
 */
package com.aftersales.feedback.kpi;
