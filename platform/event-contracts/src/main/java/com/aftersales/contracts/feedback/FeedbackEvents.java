package com.aftersales.contracts.feedback;

import com.aftersales.contracts.EventType;
import com.aftersales.contracts.Topics;

import java.util.List;

/** Event types feedback-service publishes, on {@link Topics#FEEDBACK}, keyed by the aggregate id. */
public final class FeedbackEvents {

    public static final EventType<QualityAlertRaised> QUALITY_ALERT_RAISED =
            new EventType<>("aftersales.quality.alert-raised.v1", Topics.FEEDBACK, QualityAlertRaised.class);
    public static final EventType<SurveyAnswered> SURVEY_ANSWERED =
            new EventType<>("aftersales.survey.answered.v1", Topics.FEEDBACK, SurveyAnswered.class);
    public static final EventType<ComplaintOpened> COMPLAINT_OPENED =
            new EventType<>("aftersales.complaint.opened.v1", Topics.FEEDBACK, ComplaintOpened.class);
    public static final EventType<ComplaintEscalated> COMPLAINT_ESCALATED =
            new EventType<>("aftersales.complaint.escalated.v1", Topics.FEEDBACK, ComplaintEscalated.class);
    public static final EventType<ComplaintResolved> COMPLAINT_RESOLVED =
            new EventType<>("aftersales.complaint.resolved.v1", Topics.FEEDBACK, ComplaintResolved.class);

    public static final EventType<NotificationSent> NOTIFICATION_SENT =
            new EventType<>("aftersales.notification.sent.v1", Topics.FEEDBACK, NotificationSent.class);
    public static final EventType<NotificationFailed> NOTIFICATION_FAILED =
            new EventType<>("aftersales.notification.failed.v1", Topics.FEEDBACK, NotificationFailed.class);

    public static final List<EventType<?>> ALL = List.of(QUALITY_ALERT_RAISED, SURVEY_ANSWERED, COMPLAINT_OPENED,
            COMPLAINT_ESCALATED, COMPLAINT_RESOLVED, NOTIFICATION_SENT, NOTIFICATION_FAILED);

    private FeedbackEvents() {
    }
}
