package com.aftersales.ticket.ticket;

/**
 * A file the customer or agent supplied, by reference: the blob lives in object storage, not in the database.
 *
 * @param checksum e.g. {@code sha256:<hex>}
 */
public record Attachment(String url, String checksum, String contentType) {
}
