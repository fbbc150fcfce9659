/**
 * Visits and service reports (服务单): SCHEDULED → EN_ROUTE → ON_SITE → COMPLETED |
 * NEEDS_FOLLOW_UP | UNIT_TAKEN_TO_DEPOT, with appointment windows, no-shows and reschedules on
 * record; the quote out-of-warranty customers accept before work; reports that are immutable once
 * signed (corrections are new versions); completion that consumes parts, computes the charge,
 * feeds the technician's first-time-fix history and, for depot repairs with the customer's
 * written authorisation, asks returns-service to take over.
 */
package com.aftersales.dispatch.visit;
