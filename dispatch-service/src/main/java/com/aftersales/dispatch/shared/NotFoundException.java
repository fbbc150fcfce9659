package com.aftersales.dispatch.shared;

/** No such resource. */
public class NotFoundException extends RuntimeException {

    private final String resource;

    public NotFoundException(String resource, Object id) {
        super("No " + resource + " with id " + id);
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }
}
