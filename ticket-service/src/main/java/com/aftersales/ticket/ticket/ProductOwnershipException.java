package com.aftersales.ticket.ticket;

/** The unit named on a ticket is registered to another customer. */
public class ProductOwnershipException extends RuntimeException {
    public ProductOwnershipException(String model, String serial) {
        super("Serial " + serial + " of model " + model + " is registered to another customer");
    }
}
