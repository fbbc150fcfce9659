package com.aftersales.ticket.call;

import com.aftersales.platform.web.paging.PagingProperties;
import com.aftersales.platform.web.paging.PageToken;
import com.aftersales.platform.web.paging.PageLinks;
import com.aftersales.platform.web.paging.KeysetPage;
import com.aftersales.platform.idempotency.IdempotentRequests;
import com.aftersales.platform.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@Validated
@RequestMapping(path = "/api/calls", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Calls", description = "Calls without a registered unit (来电记录): consultations, questions about use, the market or the policy")
class CallController {

    static final String LOG_SCOPE = "POST /api/calls";
    static final String LIST = "calls";

    private final CallService calls;
    private final IdempotentRequests idempotency;
    private final CurrentActor actors;
    private final PagingProperties paging;

    CallController(CallService calls, IdempotentRequests idempotency, CurrentActor actors, PagingProperties paging) {
        this.calls = calls;
        this.idempotency = idempotency;
        this.actors = actors;
        this.paging = paging;
    }

    /** The body of a promised call-back made. */
    record CallbackDone(@Size(max = 4000) String note) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Log a call that concerns no registered unit",
            description = "A consultation, a question about use, prices, the market or the policy, from a registered customer "
                    + "(customerId) or anyone (callerName/callerPhone, both optional). outcome ARTICLE_SHARED names the "
                    + "knowledge article; CALLBACK_PROMISED needs callbackDueAt (in the future) and a customer or number to "
                    + "call. A fault of a registered unit is a ticket (POST /api/tickets). Idempotency-Key makes retries safe.")
    @ApiResponse(responseCode = "201", description = "Logged", content = @Content(schema = @Schema(implementation = CallView.class)))
    @ApiResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such customer or article", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Object> log(
            @Parameter(description = "Client-chosen key that makes the request safe to retry")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody LogCallRequest request) {
        String agent = actors.get().label();
        return idempotency.create(LOG_SCOPE, idempotencyKey, request, () -> {
            CallView call = calls.log(request, agent);
            return new IdempotentRequests.Created(URI.create("/api/calls/" + call.id()), call);
        });
    }

    @GetMapping("/{id}")
    @Operation(summary = "A call record")
    @ApiResponse(responseCode = "404", description = "No such call", content = @Content(mediaType = "application/problem+json"))
    CallView get(@PathVariable UUID id) {
        return calls.require(id);
    }

    @PostMapping(path = "/{id}/callback", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The promised call-back was made", description = "Once, for a call with outcome CALLBACK_PROMISED.")
    @ApiResponse(responseCode = "404", description = "No such call", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "No call-back promised, or already made",
            content = @Content(mediaType = "application/problem+json"))
    CallView callbackDone(@PathVariable UUID id, @Valid @RequestBody CallbackDone body) {
        return calls.completeCallback(id, actors.get().label(), body.note());
    }

    @GetMapping
    @Operation(summary = "Calls, newest first",
            description = "Every given criterion must match; a phone is compared in E.164 form. callbackOpen=true lists the "
                    + "promised call-backs not yet made, the earliest due first (then id). Newest first means logged, "
                    + "then id. Paged as every list (docs/paging.md): pageSize and pageToken, the next page in the "
                    + "Link rel=\"next\" header.")
    ResponseEntity<List<CallView>> list(
            @RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) @Size(max = 32) String phone,
            @RequestParam(required = false) CallTopic topic,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "false") boolean callbackOpen,
            @Parameter(description = "Calls per page (default and maximum: aftersales.paging.lists.calls)")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer pageSize,
            @Parameter(description = "The pageToken of the Link rel=\"next\" header of the page before")
            @RequestParam(required = false) @Size(max = PageToken.MAX_LENGTH) String pageToken,
            @Parameter(deprecated = true, description = "Deprecated name of pageSize")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer limit) {
        int size = paging.pageSize(LIST, pageSize, limit);
        PageToken after = PageToken.parse(pageToken, 2);
        List<CallView> found = calls.list(customerId, phone, topic, from, to, callbackOpen,
                after == null ? null : after.instant(0), after == null ? null : after.uuid(1), size + 1);
        return PageLinks.ok(KeysetPage.of(found, size,
                call -> PageToken.of(callbackOpen ? call.callbackDueAt() : call.loggedAt(), call.id())));
    }
}
