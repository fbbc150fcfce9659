package com.aftersales.returns.policy;

import com.aftersales.returns.product.ProductReplica;
import com.aftersales.returns.product.ProductSnapshot;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Turns a request into the engine's facts: the unit from the local replica (never a call to
 * ticket-service) or from the request, the request date at the store. Reads only; no side effects.
 */
@Service
public class PolicyEvaluator {

    private final ReturnPolicyEngine engine;
    private final ProductReplica products;
    private final StoreTimeZones zones;
    private final Clock clock;

    PolicyEvaluator(ReturnPolicyEngine engine, ProductReplica products, StoreTimeZones zones, Clock clock) {
        this.engine = engine;
        this.products = products;
        this.zones = zones;
        this.clock = clock;
    }

    /** The decision and the unit it is about. */
    public record Evaluation(PolicyDecision decision, CaseFacts facts, ProductSnapshot product, String storeCode) {

        public PolicyDecisionView view() {
            return PolicyDecisionView.of(decision, product == null ? null : product.productId(),
                    product == null ? null : product.serialNumber());
        }

        public UUID productId() {
            return product == null ? null : product.productId();
        }
    }

    public Evaluation evaluate(EvaluatePolicyRequest request) {
        ProductSnapshot product = null;
        String category;
        LocalDate purchaseDate;
        PriceType priceType;
        boolean customMade;
        boolean soldByUs;
        boolean cardOnRecord;
        String store;
        LocalDate installed;
        if (request.serialNumber() != null) {
            product = products.bySerial(request.serialNumber())
                    .orElseThrow(() -> new UnknownProductException(request.serialNumber()));
            category = product.category();
            purchaseDate = product.purchaseDate();
            priceType = PriceType.valueOf(product.priceType());
            customMade = product.customMade();
            soldByUs = product.soldByUs();
            cardOnRecord = product.warrantyCardPresent();
            store = request.storeCode() != null ? request.storeCode() : product.storeCode();
            installed = product.installationDate();
        } else {
            EvaluatePolicyRequest.UnitFactsInput unit = request.product();
            category = unit.category();
            purchaseDate = unit.purchaseDate();
            priceType = unit.priceType();
            customMade = Boolean.TRUE.equals(unit.customMade());
            soldByUs = !Boolean.FALSE.equals(unit.soldByUs());
            cardOnRecord = !Boolean.FALSE.equals(unit.warrantyCardPresent());
            store = request.storeCode() != null ? request.storeCode() : unit.storeCode();
            installed = unit.installationDate();
            if (installed != null && installed.isBefore(purchaseDate)) {
                throw new InvalidReturnCaseException("product.installationDate", "the installation date " + installed
                        + " is before the purchase date " + purchaseDate);
            }
        }
        LocalDate requestDate = request.requestDate() != null ? request.requestDate() : zones.dateAt(store, clock.instant());
        CaseFacts facts = new CaseFacts(
                request.channel() == null ? ReturnChannel.CONSUMER : request.channel(),
                engine.settings().terms().canonical(category), purchaseDate, requestDate, priceType, customMade, soldByUs,
                request.qualityFaultClaimed(),
                Boolean.TRUE.equals(request.signsOfUse()),
                !Boolean.FALSE.equals(request.originalPackagingIntact()),
                !Boolean.FALSE.equals(request.accessoriesComplete()),
                request.warrantyCardPresent() != null ? request.warrantyCardPresent() : cardOnRecord,
                Boolean.TRUE.equals(request.customerCausedDamage()),
                Boolean.TRUE.equals(request.shippingOrPickingError()),
                Boolean.TRUE.equals(request.salesOrderError()),
                request.largeItem(), installed);
        return new Evaluation(engine.evaluate(facts), facts, product, store);
    }
}
