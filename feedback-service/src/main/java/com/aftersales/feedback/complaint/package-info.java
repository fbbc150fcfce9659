/**
 * Complaints (投诉): recorded from any channel or opened by the low-survey-score rule, handled through
 * ACKNOWLEDGED → INVESTIGATING (facts) → PROPOSED (what the customer asks, what is offered, compensation)
 * → RESOLVED | ESCALATED → CLOSED with the customer's acceptance. Staff-attitude complaints name the
 * person they are recorded against. Publishes ComplaintOpened, ComplaintEscalated and ComplaintResolved.
 */
package com.aftersales.feedback.complaint;
