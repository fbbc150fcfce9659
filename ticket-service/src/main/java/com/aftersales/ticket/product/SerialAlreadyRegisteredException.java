package com.aftersales.ticket.product;

import java.util.UUID;

/** The model's serial number is already registered; says to whom, so the agent can sort it out. */
public class SerialAlreadyRegisteredException extends RuntimeException {

    private final UUID productId;
    private final boolean sameCustomer;

    public SerialAlreadyRegisteredException(String model, String serial, UUID productId, boolean sameCustomer) {
        super("Serial " + serial + " of model " + model + " is already registered"
                + (sameCustomer ? " to this customer" : " to another customer"));
        this.productId = productId;
        this.sameCustomer = sameCustomer;
    }

    public UUID productId() {
        return productId;
    }

    public boolean sameCustomer() {
        return sameCustomer;
    }
}
