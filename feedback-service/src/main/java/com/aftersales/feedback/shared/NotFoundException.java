package com.aftersales.feedback.shared;

/** No such resource; a 404 naming what was looked for. */
public class NotFoundException extends RuntimeException {

    private final String resource;
    private final transient Object id;

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
