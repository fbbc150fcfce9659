package com.aftersales.contracts.returns;

import java.time.Instant;
import java.util.UUID;

/**
 * The customer was reminded to collect a repaired unit. A notification service sends it; this is the fact
 * that it is due. Keyed by return id.
 *
 * @param noticeNumber        2 for the first reminder (the ready notice is the first notice), and so on
 * @param noticesBeforeShipBack after this many notices without collection the unit is shipped back by post
 */
public record PickupReminderSent(UUID returnId, int noticeNumber, int noticesBeforeShipBack, Instant sentAt) {
}
