/**
 * Customer care follow-ups (回访): callback tasks (e.g. from the low-survey-score rule) and the tier-based
 * care cadence (A weekly, B monthly, C at least every six months, configurable). {@code GET /api/follow-ups/due}
 * lists who is due and why; each contact's outcome is recorded and restarts the customer's cadence.
 */
package com.aftersales.feedback.followup;
