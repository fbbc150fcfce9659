package com.aftersales.feedback.notification;

import com.aftersales.feedback.survey.SurveyLinks;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;

/**
 * Survey links whose send time has come become SURVEY_LINK notices (when {@code notifications.survey-links} is on):
 * taking the link and recording the notice are one transaction.
 */
@Component
@ConditionalOnProperty(name = "aftersales.feedback.notifications.survey-links", havingValue = "true")
class SurveyLinkNotices {

    private final SurveyLinks links;
    private final NotificationService notifications;
    private final TransactionTemplate transactions;
    private final int batch;

    SurveyLinkNotices(SurveyLinks links, NotificationService notifications, TransactionTemplate transactions,
                      NotificationProperties properties) {
        this.links = links;
        this.notifications = notifications;
        this.transactions = transactions;
        this.batch = properties.batchSize();
    }

    @Scheduled(initialDelayString = "${aftersales.feedback.notifications.survey-link-interval}",
            fixedDelayString = "${aftersales.feedback.notifications.survey-link-interval}")
    void takeDueLinks() {
        transactions.executeWithoutResult(s -> links.handOver(batch).forEach(link -> notifications.request(
                NoticeType.SURVEY_LINK, "survey:" + link.surveyId(), link.customerId(), link.ticketId(), null,
                Map.of("link", link.link(), "expiresAt", link.expiresAt().toString()))));
    }
}
