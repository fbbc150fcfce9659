package com.aftersales.returns.policy;

/**
 * Every rule of the policy, by a stable name that decisions cite and that clients may branch on.
 * The numbers behind them are settings ({@link CategoryPolicy}, {@link DealerPolicy}), never literals here.
 */
public enum PolicyRule {
    NO_REASON_RETURN_WINDOW("Return without reason (无理由退货) within the no-reason window if the item can be resold"),
    QUALITY_FAULT_REFUND_WINDOW("Quality fault within the refund window: refund (退货)"),
    QUALITY_FAULT_EXCHANGE_WINDOW("Quality fault within the exchange window: exchange (换货)"),
    QUALITY_FAULT_FREE_REPAIR_WINDOW("Quality fault within the warranty: free repair (免费维修)"),
    PAID_REPAIR_AFTER_WARRANTY("After the warranty: repair charged by the repair price list (收费维修)"),
    NO_REASON_WINDOW_PASSED("No quality fault and the no-reason window has passed: nothing to return"),

    EXCLUSION_USED_WITHOUT_FAULT("No quality fault and visible signs of use or processing (恕不退换)"),
    EXCLUSION_CUSTOM_MADE_WITHOUT_FAULT("Custom-made or specially processed for the customer, without quality fault (恕不退换)"),
    EXCLUSION_INCOMPLETE_PACKAGING("Original packaging damaged or missing, accessories incomplete or damaged, or no warranty card (恕不退换)"),
    EXCLUSION_CUSTOMER_DAMAGE("Damage caused by the customer: no return, exchange or free repair"),
    EXCLUSION_SPECIAL_PRICE_OR_GIFT("Special-price items (特价) and gifts (赠品) are not returnable or exchangeable"),
    EXCLUSION_NOT_SOLD_BY_US("Goods not sold by this company: no return, exchange or free repair"),

    DEALER_FULL_CREDIT_WINDOW("Dealer return within the full-credit window after shipment: credited in full"),
    DEALER_REDUCED_CREDIT_WINDOW("Dealer return after the full-credit window: credited at the reduced rate"),
    DEALER_REFUSED_AFTER_WINDOW("Dealer return after the last acceptance date: not accepted"),
    DEALER_LARGE_ITEM_PHOTO_APPROVAL("Large item: photos must be sent and approved within the approval time"),
    DEALER_EXCLUSION_SPECIAL_PRICE("Dealer return: special-price (特价) stock is not taken back"),
    DEALER_EXCLUSION_CUSTOM_MADE("Dealer return: custom-made (定制) goods are not taken back"),
    DEALER_EXCLUSION_SEASONAL("Dealer return: seasonal goods (季节性商品) are not taken back"),
    DEALER_EXCLUSION_DISCONTINUED("Dealer return: discontinued models (停产型号) are not taken back"),
    DEALER_EXCLUSION_NO_ORIGINAL_PACKAGING("Dealer return: goods without their original packaging are not taken back"),
    DEALER_EXCLUSION_PROTECTIVE_FILM_TORN("Dealer return: goods whose protective film is torn are not taken back"),
    DEALER_SET_INCOMPLETE("Dealer return: a set (e.g. a two-piece set, 两件套) is taken back only complete"),
    DEALER_DISPLAY_SAMPLE_PHOTO_APPROVAL("Dealer return: a display sample (展示样品) is taken back only after photo approval"),
    DEALER_PACKAGING_DEDUCTION_BAG("Dealer return: each packaging bag to replace is deducted from the credit"),
    DEALER_PACKAGING_DEDUCTION_BOX("Dealer return: each outer box to replace is deducted as a share of the cost"),
    DEALER_PHOTO_APPROVED_CREDIT("Photos approved: the goods are sent back and credited"),
    DEALER_PHOTO_PRICE_ADJUSTMENT("Photos reviewed: the store keeps the goods with a price adjustment (折价)"),
    DEALER_PHOTO_SEND_BACK("Photos reviewed: the return is refused and the goods stay with the store"),
    DEALER_UNAPPROVED_RETURN_SIGNED("Goods returned without approval, accepted on the purchasing manager's signature"),
    DEALER_UNAPPROVED_RETURN_SENT_BACK("Goods returned without approval: sent back at the customer's freight"),
    DEALER_TRANSIT_DAMAGE_REFUSED("Goods damaged in transit: refused at receipt (the carrier is liable)"),

    REPAIR_CHECK_BEFORE_RETURN("A repaired unit goes back to the customer only after QC has checked the repair"),
    REPAIR_CHECK_FAILED("QC found the repair not done: the unit goes back to repair"),
    UNREPAIRABLE_ESCALATED("A unit that cannot be repaired is escalated to a supervisor for a settlement"),
    SETTLEMENT_DECIDED("A supervisor settled an unrepairable unit: exchange, refund, or return with compensation"),
    OUT_OF_STOCK_CONTACT_AGAIN("Out of stock: after every contact the customer is contacted again before the expected arrival and within the follow-up period"),
    OUT_OF_STOCK_ARRIVED_NOTIFY("Out of stock: the customer is notified as soon as the replacement arrives"),
    PICKUP_NOT_COLLECTED_POST("Not collected after the last pick-up notice and no reason given: the unit is posted to the customer"),
    PICKUP_HELD_BY_CUSTOMER("The customer gave a reason to collect later: no notice and no posting before the agreed day"),

    FREIGHT_QUALITY_FAULT("Quality fault: the company pays the freight"),
    FREIGHT_SHIPPING_OR_PICKING_ERROR("Shipping or picking error: the company pays the freight"),
    FREIGHT_SALES_ORDER_ERROR("Sales-order error: the company pays the freight"),
    FREIGHT_CUSTOMER_OTHERWISE("Any other cause: the customer pays the freight"),

    SUPERVISOR_OVERRIDE("A supervisor overrode the automated decision with a recorded reason");

    private final String description;

    PolicyRule(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean isExclusion() {
        return name().startsWith("EXCLUSION_");
    }

    /** An exclusion of dealer (store-to-warehouse) returns; configured under {@code dealer}, not per category. */
    public boolean isDealerExclusion() {
        return name().startsWith("DEALER_EXCLUSION_");
    }
}
