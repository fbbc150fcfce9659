package com.aftersales.ticket.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Set;

/**
 * Ticket rules that are configuration: proof of purchase, lifecycle windows, which statuses pause the SLA
 * clocks, list paging bounds. Defaults in application.yml. Warranty lengths are not here: they are the shared
 * terms ({@code aftersales.warranty.terms}, {@link com.aftersales.contracts.warranty.WarrantyTerms}).
 *
 * @param proofOfPurchaseRequired no card and no receipt → entitlement UNKNOWN
 * @param reopenWindow            a closed ticket may be reopened within this time
 * @param autoCloseAfter          resolved tickets without the customer's reply close after this time
 * @param slaPauseStatuses        statuses in which the ticket waits for the customer
 * @param knowledgeProposalLanguage language of the draft articles proposed from field visits
 */
@ConfigurationProperties("aftersales.ticket")
public record TicketProperties(boolean proofOfPurchaseRequired, Duration reopenWindow, Duration autoCloseAfter,
                               Set<TicketStatus> slaPauseStatuses, int defaultPageSize, int maxPageSize,
                               String knowledgeProposalLanguage) {

    WarrantyPolicy warrantyPolicy() {
        return new WarrantyPolicy(proofOfPurchaseRequired);
    }

    LifecycleRules lifecycleRules() {
        return new LifecycleRules(reopenWindow, autoCloseAfter);
    }
}
