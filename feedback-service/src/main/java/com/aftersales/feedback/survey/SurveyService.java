package com.aftersales.feedback.survey;

import com.aftersales.platform.web.paging.KeysetPage;
import com.aftersales.platform.web.paging.PageToken;

import com.aftersales.feedback.shared.FeedbackMetrics;
import com.aftersales.contracts.feedback.FeedbackEvents;
import com.aftersales.contracts.feedback.SurveyAnswered;
import com.aftersales.feedback.complaint.ComplaintService;
import com.aftersales.feedback.customer.CustomerProfile;
import com.aftersales.feedback.customer.CustomerProfiles;
import com.aftersales.feedback.followup.FollowUpTasks;
import com.aftersales.domain.error.InvalidFieldException;
import com.aftersales.domain.error.NotFoundException;
import com.aftersales.feedback.shared.StateConflictException;
import com.aftersales.platform.outbox.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Schedules surveys (once per ticket) and records answers with the low-score rule. */
@Service
class SurveyService {

    private static final Logger log = LoggerFactory.getLogger(SurveyService.class);
    static final String SV_SCHEDULED = "SV-SCHEDULE";
    static final String SV_NO_CONSENT = "SV-NO-CONSENT";

    private final SurveyRepository surveys;
    private final SurveyProperties properties;
    private final CustomerProfiles customers;
    private final ComplaintService complaints;
    private final FollowUpTasks followUps;
    private final EventPublisher events;
    private final Clock clock;
    private final MeterRegistry meters;
    private final LowScoreRule lowScoreRule;

    SurveyService(SurveyRepository surveys, SurveyProperties properties, CustomerProfiles customers,
                  ComplaintService complaints, FollowUpTasks followUps, EventPublisher events, Clock clock,
                  MeterRegistry meters) {
        this.surveys = surveys;
        this.properties = properties;
        this.customers = customers;
        this.complaints = complaints;
        this.followUps = followUps;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
        this.lowScoreRule = new LowScoreRule(properties.lowScore());
    }

    /** Called inside the event handler's transaction; redeliveries and second triggers are no-ops. */
    void scheduleFor(UUID ticketId, String trigger, Instant completedAt) {
        Optional<UUID> customerId = surveys.customerOfTicket(ticketId);
        if (customerId.isEmpty()) {
            // A visit can be consumed before its ticket (another topic); the ticket's own resolution schedules it later.
            log.info("No survey for ticket {} on {}: its TicketOpened has not been seen", ticketId, trigger);
            return;
        }
        Optional<CustomerProfile> profile = customers.find(customerId.get());
        boolean refused = profile.map(p -> Boolean.FALSE.equals(p.contactConsent())).orElse(false);
        Instant sendAt = completedAt.plus(properties.sendAfter());
        String decision = refused
                ? SV_NO_CONSENT + ": the customer did not consent to follow-up contact; not sent"
                : SV_SCHEDULED + ": service completed (" + trigger + "); send " + properties.sendAfter() + " later, valid "
                + properties.validFor() + (profile.isEmpty() ? "; contact consent not known yet" : "");
        boolean created = surveys.schedule(UUID.randomUUID(), ticketId, customerId.get(),
                SurveyTokens.newToken(properties.tokenBytes()), trigger, refused ? SurveyStatus.SKIPPED : SurveyStatus.SCHEDULED,
                decision, sendAt, sendAt.plus(properties.validFor()), clock.instant());
        if (created) {
            meters.counter(FeedbackMetrics.SURVEYS_SCHEDULED, "outcome", refused ? "skipped" : "scheduled").increment();
        }
    }

    /** An answer to record. */
    record Answer(String token, Integer csat, Integer nps, String comment, AnswerChannel channel) {
    }

    @Transactional
    Survey answer(UUID surveyId, Answer answer) {
        Survey survey = surveys.findForUpdate(surveyId).orElseThrow(() -> new NotFoundException("survey", surveyId));
        // A token is the customer's proof of identity: one that does not belong to this survey is refused
        // without saying whose it is.
        if (!SurveyTokens.matches(survey.token(), answer.token())) {
            throw InvalidFieldException.withKey("token", "feedback.survey.foreign-token");
        }
        if (answer.csat() == null && answer.nps() == null) {
            throw InvalidFieldException.withKey("csat", "feedback.survey.score-required");
        }
        Instant now = clock.instant();
        if (survey.status() == SurveyStatus.ANSWERED) {
            throw new StateConflictException("survey-already-answered", 409, "The survey was already answered",
                    "Survey " + surveyId + " was answered at " + survey.answeredAt() + "; a survey is answered once",
                    Map.of("answeredAt", survey.answeredAt().toString()), "detail.survey-already-answered", surveyId,
                    survey.answeredAt().toString());
        }
        if (survey.status() == SurveyStatus.SKIPPED) {
            throw new StateConflictException("survey-not-open", 409, "The survey is not open for answers",
                    "Survey " + surveyId + " was not sent: " + survey.decision(), Map.of(), "detail.survey-not-sent", surveyId,
                    survey.decision());
        }
        if (survey.expiredAt(now)) {
            throw new StateConflictException("survey-expired", 410, "The survey has expired",
                    "Survey " + surveyId + " accepted answers until " + survey.expiresAt(),
                    Map.of("expiresAt", survey.expiresAt().toString()), "detail.survey-expired", surveyId,
                    survey.expiresAt().toString());
        }
        LowScoreRule.Decision decision = lowScoreRule.decide(answer.csat(), answer.nps());
        UUID complaintId = null;
        UUID taskId = null;
        switch (decision.action()) {
            case COMPLAINT -> complaintId = complaints.openForLowScore(surveyId, survey.customerId(), survey.ticketId(),
                    decision.explanation()).id();
            case CALLBACK -> taskId = followUps.create(survey.customerId(), FollowUpTasks.LOW_SCORE_CALLBACK,
                    surveyId.toString(), decision.explanation(), now, now);
            case NONE -> {
            }
        }
        surveys.answer(surveyId, answer.csat(), answer.nps(), answer.comment(), answer.channel().name(), now,
                decision.action().name(), decision.rule(), decision.explanation(), complaintId, taskId);
        events.publish(FeedbackEvents.SURVEY_ANSWERED, surveyId.toString(), new SurveyAnswered(surveyId, survey.ticketId(),
                survey.customerId(), answer.csat(), answer.nps(), answer.channel().name(),
                decision.action() != LowScoreRule.Action.NONE, now));
        meters.counter(FeedbackMetrics.SURVEYS_ANSWERED, "lowScoreAction", decision.action().name()).increment();
        return surveys.find(surveyId).orElseThrow();
    }

    /** A survey link for the notification channel (SMS, WeChat) to send. */
    record ToSend(UUID surveyId, UUID customerId, String phone, String preferredLanguage, String link, Instant expiresAt) {
    }

    /**
     * Surveys whose send time has come, with their link. Consent is checked again here (SV-NO-CONSENT): a customer
     * who withdrew it since the survey was scheduled is skipped, not sent.
     */
    @Transactional
    List<ToSend> toSend(int limit) {
        return toSend(null, null, limit).items();
    }

    /**
     * A page of the outbox after the keyset position ({@code afterSendAt}, {@code afterId}). The next page starts after
     * the last survey read, also when consent withdrawn since took it off this page.
     */
    KeysetPage<ToSend> toSend(Instant afterSendAt, UUID afterId, int pageSize) {
        List<Survey> due = surveys.dueToSend(clock.instant(), afterSendAt, afterId, pageSize + 1);
        String next = KeysetPage.of(due, pageSize, s -> PageToken.of(s.sendAt(), s.id())).nextPageToken();
        List<ToSend> out = new ArrayList<>();
        for (Survey s : due.subList(0, Math.min(pageSize, due.size()))) {
            Optional<CustomerProfile> profile = customers.find(s.customerId());
            if (profile.map(p -> Boolean.FALSE.equals(p.contactConsent())).orElse(false)) {
                surveys.skip(s.id(), SV_NO_CONSENT + ": consent withdrawn before sending");
                continue;
            }
            out.add(new ToSend(s.id(), s.customerId(), profile.map(CustomerProfile::phone).orElse(null),
                    profile.map(CustomerProfile::preferredLanguage).orElse(null),
                    properties.linkTemplate().replace("{id}", s.id().toString()).replace("{token}", s.token()), s.expiresAt()));
        }
        return new KeysetPage<>(out, next);
    }

    /** The channel took the link; handing it out again would send the customer a second message. */
    @Transactional
    Survey markSent(UUID id) {
        Survey survey = get(id);
        if (survey.status() != SurveyStatus.SCHEDULED) {
            throw new StateConflictException("survey-not-open", 409, "The survey is not open for answers",
                    "Survey " + id + " is " + survey.status(), Map.of(), "detail.survey-status", id,
                    new com.aftersales.platform.web.ProblemMessages.Term("status.survey." + survey.status(), survey.status().name()));
        }
        if (surveys.markSent(id, clock.instant())) {
            meters.counter(FeedbackMetrics.SURVEYS_SENT).increment();
        }
        return get(id);
    }

    Survey get(UUID id) {
        return surveys.find(id).orElseThrow(() -> new NotFoundException("survey", id));
    }

    Survey byTicket(UUID ticketId) {
        return surveys.byTicket(ticketId).orElseThrow(() -> new NotFoundException("survey for ticket", ticketId));
    }
}
