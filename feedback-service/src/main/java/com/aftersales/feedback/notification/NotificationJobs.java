package com.aftersales.feedback.notification;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Delivers due notices every {@code notifications.poll-interval}; several instances share the work (claim leases). */
@Component
class NotificationJobs {

    private final NotificationService notifications;

    NotificationJobs(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Scheduled(initialDelayString = "${aftersales.feedback.notifications.poll-interval}",
            fixedDelayString = "${aftersales.feedback.notifications.poll-interval}")
    void deliverDue() {
        int attempted;
        do {
            attempted = notifications.deliverDue();
        } while (attempted > 0 && !Thread.currentThread().isInterrupted());
    }
}
