package com.aftersales.ticket.ticket;

import com.aftersales.ticket.knowledge.ArticleView;
import com.aftersales.ticket.knowledge.ShownArticle;
import com.aftersales.ticket.sla.SlaClockView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A ticket as the API shows it, with its entitlement, charge basis, SLA clocks and timeline.
 *
 * @param sla      each clock's due time, remaining business time and state; empty in lists
 * @param timeline empty in lists
 * @param suggestedArticles knowledge articles for the fault; only in the response that opened the ticket
 * @param shownArticles     the knowledge articles the caller was shown at intake, in rank order (empty in lists)
 * @param repeatCall        only in the answer to an intake that rule repeat-call-links-open-ticket linked to this
 *                          open ticket instead of opening a new one
 */
public record TicketView(
        UUID id,
        UUID customerId,
        UUID productId,
        String serialNumber,
        String model,
        String productCategory,
        String batchNumber,
        String storeCode,
        String customerTier,
        String regionCode,
        Double latitude,
        Double longitude,
        TicketType ticketType,
        Channel channel,
        Priority priority,
        String faultCategory,
        String faultCode,
        String faultDescription,
        List<Attachment> attachments,
        TicketStatus status,
        Entitlement entitlement,
        ChargeBasisView chargeBasis,
        EscalationTarget escalatedTo,
        String technicianId,
        int reopenCount,
        Instant openedAt,
        Instant updatedAt,
        Instant closedAt,
        long version,
        List<SlaClockView> sla,
        List<TimelineEntryView> timeline,
        List<ArticleView.Suggestion> suggestedArticles,
        List<ShownArticle> shownArticles,
        TicketService.RepeatCall repeatCall) {

    /** A ticket in a list: no clocks, timeline or knowledge. */
    static TicketView of(Ticket t) {
        return of(t, List.of(), List.of(), List.of(), List.of());
    }

    static TicketView of(TicketService.TicketDetails d) {
        return of(d, List.of());
    }

    static TicketView of(TicketService.TicketDetails d, List<ArticleView.Suggestion> suggestions) {
        return of(d.ticket(), d.timeline(), d.sla(), d.shownArticles(), suggestions);
    }

    /** The open ticket a repeat call was linked to. */
    static TicketView repeatCall(TicketService.TicketDetails d, TicketService.RepeatCall repeatCall) {
        TicketView v = of(d);
        return new TicketView(v.id(), v.customerId(), v.productId(), v.serialNumber(), v.model(), v.productCategory(),
                v.batchNumber(), v.storeCode(), v.customerTier(), v.regionCode(), v.latitude(), v.longitude(), v.ticketType(),
                v.channel(), v.priority(), v.faultCategory(), v.faultCode(), v.faultDescription(), v.attachments(), v.status(),
                v.entitlement(), v.chargeBasis(), v.escalatedTo(), v.technicianId(), v.reopenCount(), v.openedAt(),
                v.updatedAt(), v.closedAt(), v.version(), v.sla(), v.timeline(), v.suggestedArticles(), v.shownArticles(),
                repeatCall);
    }

    private static TicketView of(Ticket t, List<TimelineEntry> timeline, List<SlaClockView> sla, List<ShownArticle> shown,
                                 List<ArticleView.Suggestion> suggestions) {
        TicketSubject s = t.subject();
        return new TicketView(t.id(), s.customerId(), s.productId(), s.serialNumber(), s.model(), s.productCategory(),
                s.batchNumber(), s.storeCode(), s.customerTier(), s.regionCode(), s.latitude(), s.longitude(), t.type(),
                t.channel(), t.priority(), t.faultCategory(), t.faultCode(), t.faultDescription(), t.attachments(),
                t.status(), t.entitlement(),
                new ChargeBasisView(t.entitlement().chargeable(), t.chargeBasisCommunicatedAt() != null,
                        t.chargeBasisCommunicatedBy(), t.chargeBasisCommunicatedAt()),
                t.escalatedTo(), t.technicianId(), t.reopenCount(), t.openedAt(), t.updatedAt(), t.closedAt(), t.version(),
                sla, timeline.stream().map(TimelineEntryView::of).toList(), suggestions, shown, null);
    }

    /**
     * @param required     the work is chargeable (not in warranty): the customer must be told before dispatch
     * @param communicated the agent recorded that the customer was told
     */
    public record ChargeBasisView(boolean required, boolean communicated, String communicatedBy, Instant communicatedAt) {
    }

    public record TimelineEntryView(Instant at, String kind, TicketStatus fromStatus, TicketStatus toStatus,
                                    String actor, String reason) {
        static TimelineEntryView of(TimelineEntry entry) {
            return new TimelineEntryView(entry.occurredAt(), entry.kind(), entry.fromStatus(), entry.toStatus(),
                    entry.actor(), TimelineLanguage.reason(entry));
        }
    }

    /** One page of a ticket list; {@code nextPageToken} is null on the last page. */
    public record Page(List<TicketView> items, String nextPageToken) {
    }
}
