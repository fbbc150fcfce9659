package com.aftersales.feedback.survey;

import com.aftersales.domain.error.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import java.util.UUID;

/**
 * The customer's side of a survey, reached from the link in the SMS without logging in: the link's token is the
 * proof (a token that is not the survey's answers 404, as an unknown survey does, so ids cannot be probed).
 */
@RestController
@Validated
@Tag(name = "Survey links", description = "The survey page a customer opens from the link (no login; the link's token)")
class SurveyLinkController {

    private final SurveyService surveys;
    private final Clock clock;

    SurveyLinkController(SurveyService surveys, Clock clock) {
        this.surveys = surveys;
        this.clock = clock;
    }

    /** What the survey page needs to know; nothing about the customer or the ticket. */
    record LinkView(UUID id, String state, Instant expiresAt, Integer csat, Integer nps, Instant answeredAt) {

        static LinkView of(Survey s, Instant now) {
            String state = s.status() == SurveyStatus.ANSWERED ? "ANSWERED"
                    : s.status() == SurveyStatus.SKIPPED ? "CLOSED" : s.expiredAt(now) ? "EXPIRED" : "OPEN";
            return new LinkView(s.id(), state, s.expiresAt(), s.csat(), s.nps(), s.answeredAt());
        }
    }

    /** POST /api/survey-links/{id}/answer. */
    record LinkAnswer(@NotBlank @Size(max = 128) String token, @Min(1) @Max(5) Integer csat, @Min(0) @Max(10) Integer nps,
                      @Size(max = 4000) String comment) {
    }

    @GetMapping(path = "/api/survey-links/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The survey behind a link: open, answered, expired or closed",
            description = "No bearer token: the link's token (query parameter t) proves it. A wrong token answers 404.")
    @ApiResponse(responseCode = "200", description = "The survey's state", content = @Content(schema = @Schema(implementation = LinkView.class)))
    @ApiResponse(responseCode = "404", description = "No such survey, or not this token's", content = @Content(mediaType = "application/problem+json"))
    LinkView get(@PathVariable UUID id, @RequestParam("t") @NotBlank @Size(max = 128) String token) {
        return LinkView.of(owned(id, token), clock.instant());
    }

    @PostMapping(path = "/api/survey-links/{id}/answer", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Answer the survey behind a link (once)",
            description = "No bearer token: the body's token proves it. Recorded with channel SMS_LINK; the same rules as "
                    + "POST /api/surveys/{id}/responses (low score, once, expiry).")
    @ApiResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = LinkView.class)))
    @ApiResponse(responseCode = "400", description = "Scores out of range or no score", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such survey, or not this token's", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "Already answered, or not open", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "410", description = "Expired", content = @Content(mediaType = "application/problem+json"))
    LinkView answer(@PathVariable UUID id, @Valid @RequestBody LinkAnswer answer) {
        owned(id, answer.token());
        Survey answered = surveys.answer(id, new SurveyService.Answer(answer.token(), answer.csat(), answer.nps(),
                answer.comment(), AnswerChannel.SMS_LINK));
        return LinkView.of(answered, clock.instant());
    }

    private Survey owned(UUID id, String token) {
        Survey survey = surveys.get(id);
        if (!SurveyTokens.matches(survey.token(), token)) {
            throw new NotFoundException("survey", id);
        }
        return survey;
    }
}
