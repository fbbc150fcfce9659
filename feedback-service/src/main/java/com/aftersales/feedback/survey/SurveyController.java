package com.aftersales.feedback.survey;

import com.aftersales.platform.web.paging.PageLinks;
import com.aftersales.platform.web.paging.PageToken;
import com.aftersales.platform.web.paging.PagingProperties;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@Validated
@Tag(name = "Surveys", description = "Satisfaction surveys (回访) after a completed service")
class SurveyController {

    private final SurveyService surveys;
    private final Clock clock;
    static final String OUTBOX = "survey-outbox";

    private final PagingProperties paging;

    SurveyController(SurveyService surveys, Clock clock, PagingProperties paging) {
        this.surveys = surveys;
        this.clock = clock;
        this.paging = paging;
    }

    /** POST /api/surveys/{id}/responses. */
    record ResponseRequest(
            @NotBlank @Size(max = 128) String token,
            @Min(1) @Max(5) Integer csat,
            @Min(0) @Max(10) Integer nps,
            @Size(max = 4000) String comment,
            @NotNull AnswerChannel channel) {
    }

    /** A survey as staff see it; the token is never shown. */
    record SurveyView(UUID id, UUID ticketId, UUID customerId, String status, boolean expired, String triggeredBy,
                      String decision, Instant sendAt, Instant expiresAt, Integer csat, Integer nps, String comment,
                      String channel, Instant answeredAt, String lowScoreAction, String lowScoreRule, UUID complaintId,
                      UUID callbackTaskId, Instant sentAt) {

        static SurveyView of(Survey s, Instant now) {
            return new SurveyView(s.id(), s.ticketId(), s.customerId(), s.status().name(), s.expiredAt(now), s.triggeredBy(),
                    s.decision(), s.sendAt(), s.expiresAt(), s.csat(), s.nps(), s.comment(), s.channel(), s.answeredAt(),
                    s.lowScoreAction(), s.lowScoreRule(), s.complaintId(), s.callbackTaskId(), s.sentAt());
        }
    }

    @PostMapping(path = "/api/surveys/{id}/responses", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Answer a survey (once)",
            description = "The token from the survey link proves it is the customer's survey. CSAT 1-5 and/or NPS 0-10. "
                    + "A low score opens a complaint (SV-LOW-COMPLAINT) or a callback task (SV-LOW-CALLBACK); publishes "
                    + "aftersales.survey.answered.v1.")
    @ApiResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = SurveyView.class)))
    @ApiResponse(responseCode = "400", description = "Scores out of range, no score, or a token that is not this survey's", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such survey", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "Already answered, or never sent", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "410", description = "Expired", content = @Content(mediaType = "application/problem+json"))
    SurveyView respond(@PathVariable UUID id, @Valid @RequestBody ResponseRequest r) {
        Survey survey = surveys.answer(id, new SurveyService.Answer(r.token(), r.csat(), r.nps(), r.comment(), r.channel()));
        return SurveyView.of(survey, clock.instant());
    }

    @GetMapping(path = "/api/surveys/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Survey links whose send time has come, for the notification channel",
            description = "For the SMS/WeChat sender only (the links carry the customer's token). Consent is checked again; "
                    + "mark each as sent with POST /api/surveys/{id}/sent. Due first (send time, then id); paged as every "
                    + "list (docs/paging.md): pageSize and pageToken, the next page in the Link rel=\"next\" header.")
    ResponseEntity<List<SurveyService.ToSend>> outbox(
            @Parameter(description = "Links per page (default and maximum: aftersales.paging.lists.survey-outbox)")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer pageSize,
            @Parameter(description = "The pageToken of the Link rel=\"next\" header of the page before")
            @RequestParam(required = false) @Size(max = PageToken.MAX_LENGTH) String pageToken,
            @Parameter(deprecated = true, description = "Deprecated name of pageSize")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer limit) {
        PageToken after = PageToken.parse(pageToken, 2);
        return PageLinks.ok(surveys.toSend(after == null ? null : after.instant(0), after == null ? null : after.uuid(1),
                paging.pageSize(OUTBOX, pageSize, limit)));
    }

    @PostMapping(path = "/api/surveys/{id}/sent", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that the survey link was sent (idempotent)")
    @ApiResponse(responseCode = "404", description = "No such survey", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "Answered or skipped", content = @Content(mediaType = "application/problem+json"))
    SurveyView sent(@PathVariable UUID id) {
        return SurveyView.of(surveys.markSent(id), clock.instant());
    }

    @GetMapping(path = "/api/surveys/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A survey, its decision and its answer")
    @ApiResponse(responseCode = "404", description = "No such survey", content = @Content(mediaType = "application/problem+json"))
    SurveyView get(@PathVariable UUID id) {
        return SurveyView.of(surveys.get(id), clock.instant());
    }

    @GetMapping(path = "/api/surveys", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The survey of a ticket")
    @ApiResponse(responseCode = "404", description = "The ticket has no survey", content = @Content(mediaType = "application/problem+json"))
    SurveyView byTicket(@RequestParam UUID ticketId) {
        return SurveyView.of(surveys.byTicket(ticketId), clock.instant());
    }
}
