package com.aftersales.feedback.complaint;

/** What a complaint is about; {@code aboutRef} then names which one (ticket id, technician id, store code...). */
public enum AboutType {
    TICKET, TECHNICIAN, STORE, PRODUCT, STAFF_ATTITUDE
}
