package com.aftersales.dispatch.attachment;

import com.aftersales.dispatch.security.TechnicianScope;
import com.aftersales.domain.error.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepts an image (rule {@code image-sniffed-from-content}: the first bytes decide, and only {@code allowed-types}
 * pass; rule {@code attachment-size-limit}) and hands it back to its uploader, or to anyone who is not a technician.
 */
@Service
public class AttachmentService {

    static final String RULE_IMAGE_ONLY = "image-sniffed-from-content";
    static final String RULE_SIZE = "attachment-size-limit";

    private final AttachmentStore store;
    private final AttachmentProperties properties;
    private final TechnicianScope scope;
    private final Clock clock;

    AttachmentService(AttachmentStore store, AttachmentProperties properties, TechnicianScope scope, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.scope = scope;
        this.clock = clock;
    }

    long maxBytes() {
        return properties.maxSize().toBytes();
    }

    /** Stores the image, or returns the one its uploader already stored with the same bytes (a retried upload). */
    @Transactional
    public Attachment upload(byte[] content) {
        if (content.length == 0) {
            throw new AttachmentRefusedException(RULE_IMAGE_ONLY, 400, "The upload is empty");
        }
        if (content.length > maxBytes()) {
            throw tooLarge();
        }
        String mediaType = ImageSniffer.mediaType(content).filter(properties.allowedTypes()::contains)
                .orElseThrow(() -> new AttachmentRefusedException(RULE_IMAGE_ONLY, 415,
                        "Only images are accepted (" + String.join(", ", properties.allowedTypes().stream().sorted().toList())
                                + "); the content's first bytes are not one of them"));
        String sha256 = sha256(content);
        String uploadedBy = scope.label().orElse("anonymous");
        Optional<Attachment> same = store.findSame(uploadedBy, sha256);
        if (same.isPresent()) {
            return same.get();
        }
        UUID id = UUID.randomUUID();
        Attachment attachment = new Attachment(id, Attachment.reference(id), mediaType, content.length, sha256,
                scope.technician(), uploadedBy, clock.instant());
        store.put(attachment, content);
        return attachment;
    }

    AttachmentRefusedException tooLarge() {
        return new AttachmentRefusedException(RULE_SIZE, 413, "An attachment may have at most " + maxBytes() + " bytes");
    }

    public Attachment get(UUID id) {
        Attachment attachment = store.find(id).orElseThrow(() -> new NotFoundException("attachment", id));
        if (attachment.technicianId() != null) {
            scope.require(attachment.technicianId(), "attachment", id);
        } else if (scope.technician() != null) {
            throw new NotFoundException("attachment", id);
        }
        return attachment;
    }

    byte[] content(UUID id) {
        get(id);
        return store.content(id).orElseThrow(() -> new NotFoundException("attachment", id));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
