package com.aftersales.dispatch.parts;

import com.aftersales.dispatch.shared.DispatchMetrics;
import com.aftersales.dispatch.shared.InvalidRequestException;
import com.aftersales.domain.error.NotFoundException;
import com.aftersales.dispatch.shared.RuleViolationException;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Service
public class PartsService {

    public static final String RULE_STOCK_NEVER_NEGATIVE = "stock-never-negative";
    public static final String RULE_USED_PARTS_CHECKED_OUT = "used-parts-were-checked-out";
    public static final String RULE_RETURN_WHAT_IS_OUT = "return-at-most-what-is-out";
    /** Parts checked out for a visit go to that visit's technician. */
    public static final String RULE_CHECKOUT_FOR_VISITS_TECHNICIAN = "checkout-for-the-visits-technician";

    private final PartsRepository parts;
    private final com.aftersales.dispatch.technician.Technicians technicians;
    private final Clock clock;
    private final MeterRegistry meters;

    PartsService(PartsRepository parts, com.aftersales.dispatch.technician.Technicians technicians, Clock clock,
                 MeterRegistry meters) {
        this.parts = parts;
        this.technicians = technicians;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional
    public void putCataloguePart(String partNumber, PartsRequests.CataloguePart part) {
        parts.upsertCatalogue(partNumber, part);
    }

    @Transactional
    public void setStock(String location, String partNumber, int quantity) {
        requireCatalogued(partNumber);
        parts.setStock(location, partNumber, quantity);
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> stock(String location) {
        return parts.stock(location);
    }

    /** Takes parts out of stock for a technician; of concurrent checkouts of the last units, one wins and the rest get a 409. */
    @Transactional
    public PartCheckout checkout(PartsRequests.Checkout request) {
        if (technicians.find(request.technicianId()).isEmpty()) {
            throw new NotFoundException("technician", request.technicianId());
        }
        if (request.visitId() != null) {
            UUID owner = visitTechnician(request.visitId()).orElseThrow(() -> new NotFoundException("visit", request.visitId()));
            if (!owner.equals(request.technicianId())) {
                throw new RuleViolationException(RULE_CHECKOUT_FOR_VISITS_TECHNICIAN, "visit " + request.visitId()
                        + " is another technician's; parts for it are checked out to him");
            }
        }
        if (!parts.stockItemExists(request.location(), request.partNumber())) {
            throw new NotFoundException("stock item", request.location() + "/" + request.partNumber());
        }
        if (!parts.take(request.location(), request.partNumber(), request.quantity())) {
            meters.counter(DispatchMetrics.PARTS_CHECKOUTS_REFUSED).increment();
            throw new RuleViolationException(RULE_STOCK_NEVER_NEGATIVE, "fewer than " + request.quantity() + " of "
                    + request.partNumber() + " in stock at " + request.location());
        }
        PartCheckout checkout = new PartCheckout(UUID.randomUUID(), request.technicianId(), request.visitId(),
                request.location(), request.partNumber(), request.quantity(), 0, 0,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        parts.insertCheckout(checkout);
        return checkout;
    }

    /** The technician whose visit it is, empty for an unknown visit. */
    @Transactional(readOnly = true)
    public java.util.Optional<UUID> visitTechnician(UUID visitId) {
        return parts.visitTechnician(visitId);
    }

    /** Unused parts go back to the location they came from. */
    @Transactional
    public PartCheckout checkIn(UUID checkoutId, int quantity) {
        PartCheckout checkout = parts.findForUpdate(checkoutId).orElseThrow(() -> new NotFoundException("part checkout", checkoutId));
        if (quantity > checkout.outstanding()) {
            throw new RuleViolationException(RULE_RETURN_WHAT_IS_OUT, "only " + checkout.outstanding() + " of "
                    + checkout.partNumber() + " are still out on this checkout");
        }
        parts.addReturned(checkoutId, quantity);
        parts.putBack(checkout.location(), checkout.partNumber(), quantity);
        return parts.find(checkoutId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public PartCheckout checkoutById(UUID id) {
        return parts.find(id).orElseThrow(() -> new NotFoundException("part checkout", id));
    }

    @Transactional(readOnly = true)
    public List<PartCheckout> checkoutsOf(UUID technicianId) {
        return parts.checkoutsOf(technicianId);
    }

    /** Unit price and cost of a catalogued part. */
    @Transactional(readOnly = true)
    public Prices prices(String partNumber) {
        Map<String, Object> row = requireCatalogued(partNumber);
        return new Prices((BigDecimal) row.get("unit_cost"), (BigDecimal) row.get("unit_price"), (String) row.get("warranty_part"));
    }

    /** @param warrantyPart the warranty part the catalogue says this is (e.g. COMPRESSOR), or null */
    public record Prices(BigDecimal unitCost, BigDecimal unitPrice, String warrantyPart) {
    }

    /**
     * Records parts used on a visit against the technician's outstanding checkouts (the visit's first).
     * Using a part that was never checked out breaks the register and is refused.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ConsumedPart> consume(UUID technicianId, UUID visitId, String partNumber, int quantity) {
        Prices prices = prices(partNumber);
        int left = quantity;
        List<ConsumedPart> consumed = new ArrayList<>();
        for (PartCheckout checkout : parts.outstandingForUpdate(technicianId, partNumber, visitId)) {
            int take = Math.min(left, checkout.outstanding());
            parts.addConsumed(checkout.id(), take);
            consumed.add(new ConsumedPart(partNumber, take, checkout.location(), prices.unitCost(), prices.unitPrice()));
            left -= take;
            if (left == 0) {
                break;
            }
        }
        if (left > 0) {
            throw new RuleViolationException(RULE_USED_PARTS_CHECKED_OUT, (quantity - left) + " of " + quantity + " "
                    + partNumber + " were checked out by this technician; check the rest out before reporting them used");
        }
        return consumed;
    }

    private Map<String, Object> requireCatalogued(String partNumber) {
        return parts.cataloguePart(partNumber).orElseThrow(() -> new InvalidRequestException("partNumber",
                "part " + partNumber + " is not in the catalogue"));
    }
}
