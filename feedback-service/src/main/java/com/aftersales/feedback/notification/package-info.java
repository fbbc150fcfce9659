/**
 * Customer notifications: a notice for every customer-facing event (appointment confirmed or moved, survey link, unit
 * ready for pick-up and its reminders, repair delayed, replacement out of stock and its follow-up), written in the
 * customer's language from the templates in {@code notification-templates[_zh].properties}, delivered through a
 * {@link com.aftersales.feedback.notification.NotificationChannel} (SMS and WeChat providers over HTTP, e-mail over
 * SMTP), with every attempt, retry and final state recorded and published for the ticket's timeline.
 */
package com.aftersales.feedback.notification;
