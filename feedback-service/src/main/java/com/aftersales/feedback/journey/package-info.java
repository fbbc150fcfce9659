/**
 * Ticket journeys: when each ticket was opened and when it reached each status, projected from
 * ticket events only (never from another service's database). The KPI projections (time to assign,
 * time to resolve...) are built on these facts.
 */
package com.aftersales.feedback.journey;
