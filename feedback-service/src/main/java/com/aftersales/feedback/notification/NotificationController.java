package com.aftersales.feedback.notification;

import com.aftersales.domain.error.InvalidFieldException;
import com.aftersales.domain.error.NotFoundException;
import com.aftersales.platform.web.paging.KeysetPage;
import com.aftersales.platform.web.paging.PageLinks;
import com.aftersales.platform.web.paging.PageToken;
import com.aftersales.platform.web.paging.PagingProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

@RestController
@Tag(name = "Notifications", description = "Notices sent to customers (SMS, WeChat, e-mail) and their delivery")
class NotificationController {

    static final String LIST = "notifications";

    private final NotificationService notifications;
    private final PagingProperties paging;

    NotificationController(NotificationService notifications, PagingProperties paging) {
        this.notifications = notifications;
        this.paging = paging;
    }

    /** A notice as staff see it: the address masked, the text as the customer received it. */
    record NotificationView(UUID id, String noticeType, String status, String rule, String decision, UUID customerId,
                            UUID ticketId, UUID returnId, String channel, String recipient, String language,
                            String subject, String body, int attempts, Instant nextAttemptAt, String lastError,
                            Instant createdAt, Instant endedAt, List<AttemptView> attemptLog) {

        static NotificationView of(NotificationService.Listed listed) {
            Notification n = listed.notification();
            return new NotificationView(n.id(), n.type().name(), n.status().name(), n.rule(), n.decision(), n.customerId(),
                    n.ticketId(), n.returnId(), n.channel() == null ? null : n.channel().name(), mask(n.recipient()),
                    n.language(), n.subject(), n.body(), n.attempts(),
                    n.status() == Notification.Status.PENDING ? n.nextAttemptAt() : null, n.lastError(), n.createdAt(),
                    n.endedAt(), listed.attempts().stream().map(a -> new AttemptView(a.attempt(),
                            a.channel() == null ? null : a.channel().name(), a.outcome(), a.detail(), a.attemptedAt())).toList());
        }
    }

    record AttemptView(int attempt, String channel, String outcome, String detail, Instant attemptedAt) {
    }

    @GetMapping(path = "/api/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Notices of a ticket, a customer or a return",
            description = "Exactly one of ticketId, customerId, returnId; oldest first (created, then id), with every "
                    + "delivery attempt. Paged as every list (docs/paging.md): pageSize and pageToken, the next page in "
                    + "the Link rel=\"next\" header.")
    @ApiResponse(responseCode = "400", description = "None or more than one filter", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<List<NotificationView>> list(
            @RequestParam(required = false) UUID ticketId, @RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) UUID returnId,
            @Parameter(description = "Notices per page (default and maximum: aftersales.paging.lists.notifications)")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer pageSize,
            @Parameter(description = "The pageToken of the Link rel=\"next\" header of the page before")
            @RequestParam(required = false) @Size(max = PageToken.MAX_LENGTH) String pageToken) {
        if (Stream.of(ticketId, customerId, returnId).filter(java.util.Objects::nonNull).count() != 1) {
            throw InvalidFieldException.withKey("ticketId", "feedback.notification.exactly-one-filter");
        }
        int size = paging.pageSize(LIST, pageSize, null);
        PageToken after = PageToken.parse(pageToken, 2);
        List<NotificationView> found = notifications.list(ticketId, customerId, returnId,
                after == null ? null : after.instant(0), after == null ? null : after.uuid(1), size + 1).stream()
                .map(NotificationView::of).toList();
        return PageLinks.ok(KeysetPage.of(found, size, n -> PageToken.of(n.createdAt(), n.id())));
    }

    @GetMapping(path = "/api/notifications/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A notice with its delivery attempts")
    @ApiResponse(responseCode = "404", description = "No such notice", content = @Content(mediaType = "application/problem+json"))
    NotificationView get(@PathVariable UUID id) {
        return notifications.get(id).map(NotificationView::of).orElseThrow(() -> new NotFoundException("notification", id));
    }

    /** Enough of an address to tell which one it was, not enough to contact the customer from a screen. */
    static String mask(String address) {
        if (address == null) {
            return null;
        }
        int at = address.indexOf('@');
        if (at > 0) {
            return address.charAt(0) + "***" + address.substring(at);
        }
        if (address.length() <= 6) {
            return "***";
        }
        return address.substring(0, 3) + "*".repeat(address.length() - 7) + address.substring(address.length() - 4);
    }
}
