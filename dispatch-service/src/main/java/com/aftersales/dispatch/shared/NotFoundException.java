package com.aftersales.dispatch.shared;

/** No such resource. */
public class NotFoundException extends RuntimeException {

    private final String resource;
    private final Object id;

    public NotFoundException(String resource, Object id) {
        super("No " + resource + " with id " + id);
        this.resource = resource;
        this.id = id;
    }

    public Object id() {
        return id;
    }

    public String resource() {
        return resource;
    }
}
