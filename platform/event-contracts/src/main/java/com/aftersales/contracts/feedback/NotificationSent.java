package com.aftersales.contracts.feedback;

import java.time.Instant;
import java.util.UUID;

/**
 * A notice reached the customer's channel provider (SMS gateway, WeChat, SMTP server). On
 * {@code aftersales.feedback.v1}, keyed by {@code notificationId}. The text and the address stay in feedback-service;
 * ticket-service records the send in the ticket's timeline.
 *
 * @param ticketId   the ticket the notice is about, null when it is about a return without a ticket
 * @param returnId   the return the notice is about, null otherwise
 * @param noticeType e.g. APPOINTMENT_CONFIRMED, PICKUP_READY, REPAIR_DELAYED, OUT_OF_STOCK_FOLLOW_UP, SURVEY_LINK
 * @param channel    SMS, WECHAT or EMAIL
 * @param language   BCP 47 tag the notice was written in (zh-CN or en)
 * @param attempts   delivery attempts it took, 1 for a first-time success
 */
public record NotificationSent(UUID notificationId, UUID customerId, UUID ticketId, UUID returnId, String noticeType,
                               String channel, String language, int attempts, Instant sentAt) {
}
