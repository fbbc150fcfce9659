package com.aftersales.domain.error;

/** No such record (or none the caller may see: another scope's record is answered the same way). */
public class NotFoundException extends RuntimeException {

    private final String resource;
    private final transient Object id;

    /** @param resource what was looked for, in the API's words ({@code "ticket"}, {@code "depot repair"}) */
    public NotFoundException(String resource, Object id) {
        super("No " + resource + " with id " + id);
        this.resource = resource;
        this.id = id;
    }

    public String resource() {
        return resource;
    }

    public Object id() {
        return id;
    }
}
