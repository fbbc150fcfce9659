package com.aftersales.feedback.shared;

/** No such resource; a 404 naming what was looked for. */
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
