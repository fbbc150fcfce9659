package com.aftersales.ticket.sla;

/** The clocks a ticket runs. */
public enum SlaClockType {
    FIRST_RESPONSE, ON_SITE, ON_SITE_TARGET, RESOLUTION
}
