package com.aftersales.dispatch.attachment;

import java.util.Optional;
import java.util.UUID;

/**
 * Where attachment bytes live. {@link PostgresAttachmentRepository} keeps them in the service's database; an
 * S3-compatible object store implements the same three operations (put by key, find by key, find by owner and hash).
 */
public interface AttachmentStore {

    /** Stores {@code content} under {@code attachment.id()}. */
    void put(Attachment attachment, byte[] content);

    Optional<Attachment> find(UUID id);

    Optional<byte[]> content(UUID id);

    /** The same bytes already uploaded by the same person: a retried upload returns it instead of a copy. */
    Optional<Attachment> findSame(String uploadedBy, String sha256);
}
