/**
 * Calls without a registered unit (来电记录): a consultation before buying, a question about use, the market, a price
 * or the policy, logged with what the caller asked and how it was answered, so every call is on record and a
 * promised call-back is not forgotten. A call about a registered unit's fault is a ticket, not a call record.
 * {@link com.aftersales.ticket.call.CallRecord} is plain Java; controller and JDBC repository are the adapters.
 */
package com.aftersales.ticket.call;
