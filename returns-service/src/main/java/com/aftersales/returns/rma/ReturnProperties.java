package com.aftersales.returns.rma;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import java.util.Objects;

/**
 * {@code aftersales.returns.rma}: the numbers of return handling, defaults from the brief in application.yml.
 *
 * @param fees       charged when the inspection contradicts the claim
 * @param pickup     reminders for repaired units: every {@code reminderInterval}, posted after {@code notices} notices
 *                   unless the customer gave a reason to wait (at most {@code maxHold})
 * @param ageing     a warning when received goods are not processed within {@code processingTime} of arrival,
 *                   escalation (naming the responsible person) after {@code escalationTime}
 * @param outOfStock contact the customer again within {@code followUpWithin} of registering it
 * @param followUps  how often the scheduled follow-ups run and how many returns each run handles
 */
@ConfigurationProperties("aftersales.returns.rma")
public record ReturnProperties(Fees fees, Pickup pickup, Ageing ageing, OutOfStock outOfStock, FollowUps followUps,
                               Repairs repairs) {

    /**
     * @param checkBeforeReturn rule REPAIR_CHECK_BEFORE_RETURN: a repaired unit goes back only after QC's check passed
     * @param settlementBy      who an unrepairable unit is escalated to for a settlement
     */
    public record Repairs(boolean checkBeforeReturn, String settlementBy) {

        public Repairs {
            settlementBy = settlementBy == null || settlementBy.isBlank() ? "service-supervisor" : settlementBy;
        }
    }

    public record Fees(String currency, BigDecimal inspectionFee, Map<InspectionReport.Area, BigDecimal> failedArea,
                       BigDecimal returnFreight) {
    }

    /** @param maxHold how far ahead a customer's reason to collect later may put the next notice */
    public record Pickup(Duration reminderInterval, int notices, Period maxHold) {
    }

    /**
     * Counted from the goods' arrival at the warehouse.
     *
     * @param responsible who an escalation names: the store's returns manager, else {@code defaultPerson}
     */
    public record Ageing(Duration processingTime, Duration escalationTime, Responsible responsible) {

        public Ageing {
            responsible = responsible == null ? new Responsible(null, Map.of()) : responsible;
        }

        String responsibleFor(String storeCode) {
            String person = storeCode == null ? null : responsible.stores().get(storeCode);
            return person != null ? person : responsible.defaultPerson();
        }
    }

    public record Responsible(String defaultPerson, Map<String, String> stores) {

        public Responsible {
            defaultPerson = defaultPerson == null || defaultPerson.isBlank() ? "returns-manager" : defaultPerson;
            stores = stores == null ? Map.of() : Map.copyOf(stores);
        }
    }

    public record OutOfStock(Period followUpWithin) {
    }

    public record FollowUps(Duration interval, int batchSize) {
    }

    public ReturnProperties {
        Objects.requireNonNull(fees, "aftersales.returns.rma.fees must be set");
        Objects.requireNonNull(pickup, "aftersales.returns.rma.pickup must be set");
        Objects.requireNonNull(ageing, "aftersales.returns.rma.ageing must be set");
        Objects.requireNonNull(outOfStock, "aftersales.returns.rma.out-of-stock must be set");
        Objects.requireNonNull(followUps, "aftersales.returns.rma.follow-ups must be set");
        repairs = repairs == null ? new Repairs(true, null) : repairs;
    }

    FeeSchedule feeSchedule() {
        return new FeeSchedule(fees.currency(), fees.inspectionFee(), fees.failedArea(), fees.returnFreight());
    }
}
