package com.aftersales.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.util.List;

/**
 * {@code aftersales.max-request-size} (the gateway's limit, {@code AFTERSALES_MAX_REQUEST_SIZE}) and
 * {@code aftersales.body-limits}: paths that take more, as at the gateway (dispatch-service's photo uploads).
 */
@ConfigurationProperties("aftersales")
public record RequestSizeProperties(@DefaultValue("1MB") DataSize maxRequestSize,
                                    @DefaultValue List<BodyLimit> bodyLimits) {

    /** @param paths path patterns ({@code /api/attachments}) @param maxSize their limit */
    public record BodyLimit(List<String> paths, DataSize maxSize) {
    }
}
