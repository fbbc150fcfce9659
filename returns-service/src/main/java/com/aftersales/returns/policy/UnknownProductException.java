package com.aftersales.returns.policy;

/** No registered unit with this serial number in the replica. */
public class UnknownProductException extends RuntimeException {

    private final String serialNumber;

    public UnknownProductException(String serialNumber) {
        super("No registered product with serial number " + serialNumber);
        this.serialNumber = serialNumber;
    }

    public String serialNumber() {
        return serialNumber;
    }
}
