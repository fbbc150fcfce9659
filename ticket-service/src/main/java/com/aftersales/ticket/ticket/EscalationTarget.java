package com.aftersales.ticket.ticket;

/** Who an escalated ticket was handed to; escalation is a flag beside the status, not a state. */
public enum EscalationTarget {
    SUPERVISOR, MANUFACTURER
}
