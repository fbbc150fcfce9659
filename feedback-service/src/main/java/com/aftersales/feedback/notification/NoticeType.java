package com.aftersales.feedback.notification;

/** Every customer-facing notice; each has a subject and a body template per language. */
public enum NoticeType {
    /** dispatch.visit-scheduled: the technician's appointment window. */
    APPOINTMENT_CONFIRMED,
    /** dispatch.visit-scheduled with rescheduled = true. */
    APPOINTMENT_RESCHEDULED,
    /** A satisfaction survey's link whose send time has come. */
    SURVEY_LINK,
    /** return.unit-ready-for-pickup: the first pick-up notice. */
    PICKUP_READY,
    /** return.pickup-reminder-sent: the second and later pick-up notices. */
    PICKUP_REMINDER,
    /** return.unit-shipped-back: not collected, sent by post. */
    UNIT_SHIPPED_BACK,
    /** depot-repair.promise-at-risk: the repair will probably miss its promised date. */
    REPAIR_DELAYED,
    /** return.out-of-stock-registered: the replacement is not in stock, with the arrival date. */
    OUT_OF_STOCK_REGISTERED,
    /** return.follow-up-due (OUT_OF_STOCK_CONTACT): the promised contact about a replacement out of stock. */
    OUT_OF_STOCK_FOLLOW_UP,
    /** return.replacement-arrived: the replacement out of stock has arrived at the store. */
    REPLACEMENT_ARRIVED
}
