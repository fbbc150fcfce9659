package com.aftersales.returns.rma;

import com.aftersales.platform.idempotency.IdempotentRequests;
import com.aftersales.platform.web.paging.KeysetPage;
import com.aftersales.platform.web.paging.PageLinks;
import com.aftersales.platform.web.paging.PageToken;
import com.aftersales.platform.web.paging.PagingProperties;
import com.aftersales.platform.security.Actor;
import com.aftersales.platform.security.Role;
import com.aftersales.returns.security.CallerScope;
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
import java.util.List;
import java.util.UUID;

/**
 * Returns (RMA). Every step answers the return as it now stands; a step that does not fit where the return
 * stands (inspection before receipt, a second refund...) is a 409 {@code illegal-return-transition} problem
 * naming the current status and the allowed next ones.
 */
@RestController
@Validated
@RequestMapping(path = "/api/returns", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Returns", description = "Return requests (RMA) from the policy decision to refund, exchange, repair or shipment back")
@ApiResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "404", description = "No such return (or, on creation, no product with the serial number)",
        content = @Content(mediaType = "application/problem+json"))
class ReturnController {

    static final String CREATE_SCOPE = "POST /api/returns";
    static final String LIST = "returns";

    private final ReturnService returns;
    private final IdempotentRequests idempotency;
    private final CallerScope scope;
    private final PagingProperties paging;

    ReturnController(ReturnService returns, IdempotentRequests idempotency, CallerScope scope, PagingProperties paging) {
        this.returns = returns;
        this.idempotency = idempotency;
        this.scope = scope;
        this.paging = paging;
    }

    /** A store clerk sees and moves only his store's returns: anyone else's answers 404 like an unknown id. */
    private UUID own(UUID id) {
        if (scope.store().isPresent()) {
            scope.requireStore(returns.get(id).request().storeCode(), "return", id);
        }
        return id;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Request a return; the policy decides it at once",
            description = "Stores the return with the policy's decision (AUTHORIZED, REJECTED, or REQUESTED while a dealer's "
                    + "photos await approval) and publishes aftersales.return.requested.v1 and aftersales.return.decided.v1 in "
                    + "the same transaction. A return after the last window is stored as REJECTED with its reason (201). "
                    + "The request date is today at the store; only a SUPERVISOR sets another (past) day, with "
                    + "requestDateReason, recorded on the return and in the event. A store clerk requests returns only "
                    + "for units sold through his store and links only his store's tickets (404 otherwise, as for an "
                    + "unknown serial or ticket). Send an Idempotency-Key to make retries safe.")
    @ApiResponse(responseCode = "201", description = "Requested and decided",
            content = @Content(schema = @Schema(implementation = ReturnView.class)))
    @ApiResponse(responseCode = "403", description = "Another request date than today without the SUPERVISOR role, or a "
            + "store clerk naming another store", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with a different body",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Object> create(
            @Parameter(description = "Client-chosen key that makes the request safe to retry")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody CreateReturnRequest request) {
        Actor actor = scope.actor();
        ReturnService.Requester requester = new ReturnService.Requester(actor.label(), scope.store().orElse(null),
                actor.has(Role.SUPERVISOR));
        return idempotency.create(CREATE_SCOPE, idempotencyKey, request, () -> {
            ReturnOrder order = returns.request(request, requester);
            return new IdempotentRequests.Created(URI.create("/api/returns/" + order.id()), ReturnView.of(order));
        });
    }

    @GetMapping("/{id}")
    @Operation(summary = "A return with its decision, the rules that fired and every step's record")
    ReturnView get(@PathVariable UUID id) {
        return ReturnView.of(returns.get(own(id)));
    }

    @GetMapping
    @Operation(summary = "Returns, newest first, optionally by status and store",
            description = "Newest first (created, then id); paged as every list (docs/paging.md): pageSize and pageToken, "
                    + "the next page in the Link rel=\"next\" header. A store clerk lists his own store's returns.")
    ResponseEntity<List<ReturnView>> list(
            @RequestParam(required = false) ReturnStatus status,
            @RequestParam(required = false) String storeCode,
            @Parameter(description = "Returns per page (default and maximum: aftersales.paging.lists.returns)")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer pageSize,
            @Parameter(description = "The pageToken of the Link rel=\"next\" header of the page before")
            @RequestParam(required = false) @Size(max = PageToken.MAX_LENGTH) String pageToken,
            @Parameter(deprecated = true, description = "Deprecated name of pageSize")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer limit) {
        int size = paging.pageSize(LIST, pageSize, limit);
        PageToken after = PageToken.parse(pageToken, 2);
        // A store clerk lists his own store's returns whatever store he asks for: in the query, before the limit.
        List<ReturnOrder> found = returns.list(status, scope.store().orElse(storeCode),
                after == null ? null : after.instant(0), after == null ? null : after.uuid(1), size + 1);
        return PageLinks.ok(KeysetPage.of(found, size, r -> PageToken.of(r.createdAt(), r.id())).map(ReturnView::of));
    }

    @PostMapping(path = "/{id}/override", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A supervisor overrides the decision, with a reason",
            description = "Allowed until the unit is received. The override and the automated remedy are kept on the return "
                    + "and published in aftersales.return.decided.v1.")
    @ApiResponse(responseCode = "409", description = "Already received", content = @Content(mediaType = "application/problem+json"))
    ReturnView override(@PathVariable UUID id, @Valid @RequestBody ReturnStepRequests.Override body) {
        return ReturnView.of(returns.override(id, scope.actor().label(), body.remedy(), body.reason()));
    }

    @PostMapping(path = "/{id}/photo-approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Review a dealer's photos (large item, display sample): credit, price adjustment or send back",
            description = "CREDIT authorizes the return (the goods are sent and credited on the decided terms); PRICE_ADJUSTMENT "
                    + "closes it as PRICE_ADJUSTED, the store keeping the goods with priceAdjustment off; SEND_BACK refuses it. "
                    + "The rule applied (DEALER_PHOTO_*) is listed in rulings and published in aftersales.return.decided.v1.")
    @ApiResponse(responseCode = "409", description = "Not awaiting photo approval", content = @Content(mediaType = "application/problem+json"))
    ReturnView photoApproval(@PathVariable UUID id, @Valid @RequestBody ReturnStepRequests.PhotoApproval body) {
        return ReturnView.of(returns.decidePhotos(id, body.resolved(), scope.actor().label(), body.priceAdjustment(), body.note()));
    }

    @PostMapping(path = "/{id}/receipt", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Log the returned unit's arrival and condition",
            description = "A dealer's goods that arrive without approval are RECEIVED when purchasingManager signed for them "
                    + "(DEALER_UNAPPROVED_RETURN_SIGNED), else SHIPPED_BACK at the customer's freight "
                    + "(DEALER_UNAPPROVED_RETURN_SENT_BACK); damagedInTransit refuses them (REFUSED_AT_RECEIPT, "
                    + "DEALER_TRANSIT_DAMAGE_REFUSED).")
    @ApiResponse(responseCode = "409", description = "Not authorized, or already received", content = @Content(mediaType = "application/problem+json"))
    ReturnView receive(@PathVariable UUID id, @Valid @RequestBody ReturnStepRequests.Receipt body) {
        return ReturnView.of(returns.receive(own(id), new ReturnOrder.Arrival(body.condition(), scope.actor().label(),
                body.purchasingManager(), Boolean.TRUE.equals(body.damagedInTransit()), body.carrier(), body.trackingNumber())));
    }

    @PostMapping(path = "/{id}/inspection", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record QC's inspection report (检验报告单)",
            description = "When the result contradicts the claim (no fault found, customer damage, a no-reason return that "
                    + "cannot be resold) the return goes to FEE_NEGOTIATION with the computed fee and the freight moves to the customer.")
    @ApiResponse(responseCode = "409", description = "Not received yet, or already inspected", content = @Content(mediaType = "application/problem+json"))
    ReturnView inspect(@PathVariable UUID id, @Valid @RequestBody ReturnStepRequests.Inspection body) {
        InspectionReport report = new InspectionReport(body.items().stream()
                .map(i -> new InspectionReport.Item(i.area(), i.passed(), i.notes())).toList(),
                body.faultConfirmed(), body.customerDamageFound(), Boolean.TRUE.equals(body.factoryBatchFault()),
                scope.actor().label(), null);
        return ReturnView.of(returns.inspect(id, report));
    }

    @PostMapping(path = "/{id}/fee-settlement", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The customer accepted the fee (paid repair) or declined it (the unit is shipped back)")
    @ApiResponse(responseCode = "409", description = "No fee under negotiation", content = @Content(mediaType = "application/problem+json"))
    ReturnView settleFee(@PathVariable UUID id, @Valid @RequestBody ReturnStepRequests.FeeSettlement body) {
        return ReturnView.of(returns.settleFee(own(id), body.accepted()));
    }

    @PostMapping(path = "/{id}/refund", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue the refund (once)")
    @ApiResponse(responseCode = "409", description = "Already refunded, not inspected, or the remedy refunds nothing",
            content = @Content(mediaType = "application/problem+json"))
    ReturnView refund(@PathVariable UUID id, @Valid @RequestBody ReturnStepRequests.Refund body) {
        return ReturnView.of(returns.refund(id, body.reference()));
    }

    @PostMapping(path = "/{id}/exchange-shipment", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ship the replacement of an exchange (once)")
    @ApiResponse(responseCode = "409", description = "Already shipped, not inspected, or not an exchange",
            content = @Content(mediaType = "application/problem+json"))
    ReturnView shipExchange(@PathVariable UUID id, @Valid @RequestBody ReturnStepRequests.ExchangeShipment body) {
        return ReturnView.of(returns.shipExchange(own(id), body.replacementSerialNumber(), body.carrier(), body.trackingNumber()));
    }

    @PostMapping(path = "/{id}/out-of-stock", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register that no replacement is in stock (缺货登记)",
            description = "Records the arrival date confirmed with the customer and the date by which the customer is contacted again.")
    ReturnView outOfStock(@PathVariable UUID id, @Valid @RequestBody ReturnStepRequests.OutOfStock body) {
        return ReturnView.of(returns.registerOutOfStock(own(id), body.expectedArrivalDate()));
    }

    @PostMapping("/{id}/repair")
    @Operation(summary = "Start the repair of an inspected unit (free or paid repair)")
    ReturnView startRepair(@PathVariable UUID id) {
        return ReturnView.of(returns.startRepair(id));
    }

    @PostMapping("/{id}/repaired")
    @Operation(summary = "The repair is done")
    ReturnView repaired(@PathVariable UUID id) {
        return ReturnView.of(returns.repaired(id));
    }

    @PostMapping("/{id}/ready-for-pickup")
    @Operation(summary = "The repaired unit is at the store; the customer is notified at once",
            description = "Reminders follow every 3 days (configurable); 3 days after the third notice, without collection or a "
                    + "reason from the customer, the return becomes AWAITING_POSTING (rule PICKUP_NOT_COLLECTED_POST) and a "
                    + "POSTING_DUE follow-up asks the store to post it (ship-back with carrier and tracking number).")
    ReturnView readyForPickup(@PathVariable UUID id) {
        return ReturnView.of(returns.readyForPickup(own(id)));
    }

    @PostMapping("/{id}/collection")
    @Operation(summary = "The customer collected the unit")
    ReturnView collected(@PathVariable UUID id) {
        return ReturnView.of(returns.collected(own(id)));
    }

    @PostMapping(path = "/{id}/out-of-stock/contacts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a contact with the customer about a replacement out of stock",
            description = "Rule OUT_OF_STOCK_CONTACT_AGAIN: confirm the arrival date (ARRIVAL_DATE_CONFIRMED with the date), "
                    + "report it still on order (with a new date, if any) or not reached; the next contact is due before the "
                    + "expected arrival and within 7 days (configurable), raised as OUT_OF_STOCK_CONTACT follow-up.")
    ReturnView stockContact(@PathVariable UUID id, @Valid @RequestBody ReturnStepRequests.StockContact body) {
        return ReturnView.of(returns.stockContact(own(id), body.outcome(), body.expectedArrivalDate(), body.note(),
                scope.actor().label()));
    }

    @PostMapping("/{id}/replacement-arrival")
    @Operation(summary = "The replacement out of stock has arrived: the customer is notified at once",
            description = "Rule OUT_OF_STOCK_ARRIVED_NOTIFY: publishes aftersales.return.replacement-arrived.v1 (the customer's "
                    + "notice); no more contacts are due; exchange-shipment follows.")
    ReturnView replacementArrived(@PathVariable UUID id) {
        return ReturnView.of(returns.replacementArrived(own(id)));
    }

    @PostMapping(path = "/{id}/repair-check", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "QC checks a repaired unit before it goes back to the customer",
            description = "Rule REPAIR_CHECK_BEFORE_RETURN: ready-for-pickup and ship-back of a repaired unit need a passed "
                    + "check. A failed check (notes required) sends the unit back to repair (rule REPAIR_CHECK_FAILED).")
    ReturnView checkRepair(@PathVariable UUID id, @Valid @RequestBody ReturnStepRequests.RepairCheck body) {
        return ReturnView.of(returns.checkRepair(id, body.passed(), scope.actor().label(), body.notes()));
    }

    @PostMapping(path = "/{id}/unrepairable", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The unit cannot be repaired: escalate it to a supervisor for a settlement",
            description = "Rule UNREPAIRABLE_ESCALATED: from IN_REPAIR to SETTLEMENT_PENDING, naming who settles "
                    + "(configurable); a SETTLEMENT_DUE follow-up is raised.")
    ReturnView unrepairable(@PathVariable UUID id, @Valid @RequestBody ReturnStepRequests.Unrepairable body) {
        return ReturnView.of(returns.unrepairable(id, body.reason(), scope.actor().label()));
    }

    @PostMapping(path = "/{id}/settlement", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A supervisor settles an unrepairable unit",
            description = "Rule SETTLEMENT_DECIDED: EXCHANGE or REFUND become the remedy (SETTLED; exchange-shipment, "
                    + "out-of-stock or refund follow); RETURN_WITH_COMPENSATION gives the unit back with the amount "
                    + "(READY_FOR_PICKUP, the customer is notified).")
    ReturnView settle(@PathVariable UUID id, @Valid @RequestBody ReturnStepRequests.Settlement body) {
        return ReturnView.of(returns.settle(id, body.outcome(), body.compensation(), scope.actor().label(), body.note()));
    }

    @PostMapping(path = "/{id}/pickup-hold", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The customer gave a reason to collect later",
            description = "Rule PICKUP_HELD_BY_CUSTOMER: no notice and no posting before `until` (a day at the store, at most "
                    + "30 days ahead, configurable); one more notice goes when it comes. Calls off a pending posting.")
    ReturnView holdPickup(@PathVariable UUID id, @Valid @RequestBody ReturnStepRequests.PickupHold body) {
        return ReturnView.of(returns.holdPickup(own(id), body.reason(), body.until(), scope.actor().label()));
    }

    @PostMapping(path = "/{id}/ship-back", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ship the repaired unit back to the customer by post",
            description = "After the last pick-up notice (AWAITING_POSTING) carrier and tracking number are required.")
    ReturnView shipBack(@PathVariable UUID id, @Valid @RequestBody ReturnStepRequests.ShipBack body) {
        return ReturnView.of(returns.shipBack(own(id), body.carrier(), body.trackingNumber()));
    }

    @PostMapping(path = "/{id}/disposition", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Restock (入库) or scrap the unit the company took back",
            description = "Once, after the inspection, for refunds and exchanges; restocking needs a passed inspection.")
    ReturnView dispose(@PathVariable UUID id, @Valid @RequestBody ReturnStepRequests.Disposition body) {
        return ReturnView.of(returns.dispose(id, body.disposition()));
    }
}
