package com.aftersales.returns.rma;

import com.aftersales.returns.policy.FreightPayer;
import com.aftersales.returns.policy.PolicyDecisionView;
import com.aftersales.returns.policy.PolicyRule;
import com.aftersales.returns.policy.Remedy;
import com.aftersales.returns.policy.RequestLanguage;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A return as the API shows it: where it stands, its decision with the reasons, the rules applied after it (photo
 * review, a dealer's goods at receipt) and each step's record; texts in the reader's language.
 */
public record ReturnView(UUID id, ReturnStatus status, Remedy remedy, ReturnOrder.Request request, PolicyDecisionView decision,
                         FreightPayer freightPayer, PolicyRule freightRule, Instant photoApprovalDueAt,
                         ReturnOrder.Override override, ReturnOrder.Receipt receipt, InspectionReport inspection,
                         ReturnOrder.Fee fee, ReturnOrder.Refund refund, ReturnOrder.ExchangeShipment exchange,
                         ReturnOrder.OutOfStock outOfStock, ReturnOrder.Pickup pickup, ReturnOrder.ShipBack shipBack,
                         ReturnOrder.UnitDisposition disposition, String ageingLevel, Instant createdAt, Instant updatedAt,
                         long version, ReturnOrder.PhotoDecision photoDecision, List<PolicyDecisionView.Rule> rulings,
                         String ageingResponsible, ReturnOrder.RepairCheck repairCheck, ReturnOrder.Settlement settlement) {

    /** In the language of the current request (Accept-Language). */
    static ReturnView of(ReturnOrder o) {
        return of(o, RequestLanguage.current());
    }

    static ReturnView of(ReturnOrder o, Locale locale) {
        return new ReturnView(o.id(), o.status(), o.remedy(), o.request(), o.decision().localized(locale), o.freightPayer(),
                o.freightRule(), o.photoApprovalDueAt(), o.override(), o.receipt(), o.inspection(), o.fee(), o.refund(),
                o.exchange(), o.outOfStock(), o.pickup(), o.shipBack(), o.disposition(), o.ageingLevel(), o.createdAt(),
                o.updatedAt(), o.version(), o.photoDecision(), PolicyDecisionView.localizedRules(o.rulings(), locale),
                o.ageingResponsible(), o.repairCheck(), o.settlement());
    }
}
