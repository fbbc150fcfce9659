package com.aftersales.ticket.customer;

/** Customer tier; sets SLA targets here and the contact cadence in feedback-service. */
public enum CustomerTier {
    A, B, C
}
