package com.aftersales.dispatch.attachment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

@RestController
@Tag(name = "Attachments", description = "Photos and signatures from the technician's phone (images only)")
class AttachmentController {

    private static final String PROBLEM = "application/problem+json";

    private final AttachmentService attachments;

    AttachmentController(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @PostMapping(path = "/api/attachments", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Upload a photo or a signature (the raw image bytes as the body)",
            description = "The type is read from the content's first bytes (JPEG, PNG, WebP, GIF, HEIC as configured), "
                    + "never from the Content-Type or a file name. At most aftersales.dispatch.attachments.max-size. "
                    + "Uploading the same bytes again returns the first upload (safe to retry). Reference it in a service "
                    + "report's photos or a signature's signatureRef as the answer's reference.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "image/*",
                    schema = @Schema(type = "string", format = "binary"))))
    @ApiResponse(responseCode = "201", description = "Stored", content = @Content(schema = @Schema(implementation = Attachment.class)))
    @ApiResponse(responseCode = "400", description = "Empty body", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "413", description = "Larger than the limit", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "415", description = "Not an accepted image", content = @Content(mediaType = PROBLEM))
    ResponseEntity<Attachment> upload(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > attachments.maxBytes()) {
            throw attachments.tooLarge();
        }
        byte[] content;
        try (InputStream in = request.getInputStream()) {
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, attachments.maxBytes() + 1));
        }
        Attachment stored = attachments.upload(content);
        return ResponseEntity.created(URI.create("/api/attachments/" + stored.id())).body(stored);
    }

    @GetMapping(path = "/api/attachments/{id}/meta", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An attachment's type, size, hash and uploader")
    @ApiResponse(responseCode = "404", description = "No such attachment (or another technician's)", content = @Content(mediaType = PROBLEM))
    Attachment meta(@PathVariable UUID id) {
        return attachments.get(id);
    }

    @GetMapping(path = "/api/attachments/{id}")
    @Operation(summary = "An attachment's bytes, with its sniffed type")
    @ApiResponse(responseCode = "200", description = "The image", content = @Content(mediaType = "image/*"))
    @ApiResponse(responseCode = "404", description = "No such attachment (or another technician's)", content = @Content(mediaType = PROBLEM))
    ResponseEntity<byte[]> content(@PathVariable UUID id) {
        Attachment attachment = attachments.get(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.mediaType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .body(attachments.content(id));
    }
}
