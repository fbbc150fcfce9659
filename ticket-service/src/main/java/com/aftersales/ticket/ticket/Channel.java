package com.aftersales.ticket.ticket;

/** How the request reached us. */
public enum Channel {
    PHONE, STORE, WEB, EMAIL, PARTNER
}
