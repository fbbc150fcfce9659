package com.aftersales.dispatch.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.util.Set;

/**
 * {@code aftersales.dispatch.attachments.*}; defaults in application.yml.
 *
 * @param maxSize      the largest image accepted (413 above it)
 * @param allowedTypes image types accepted, as sniffed from the content
 */
@ConfigurationProperties("aftersales.dispatch.attachments")
public record AttachmentProperties(DataSize maxSize, Set<String> allowedTypes) {
}
