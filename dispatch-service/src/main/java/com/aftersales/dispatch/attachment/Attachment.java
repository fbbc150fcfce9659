package com.aftersales.dispatch.attachment;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored image's facts (not its bytes).
 *
 * @param reference what a service report's {@code photos} or a signature's {@code signatureRef} carries
 */
public record Attachment(UUID id, String reference, String mediaType, long sizeBytes, String sha256, UUID technicianId,
                         String uploadedBy, Instant uploadedAt) {

    static final String REFERENCE_PREFIX = "attachment:";

    static String reference(UUID id) {
        return REFERENCE_PREFIX + id;
    }
}
