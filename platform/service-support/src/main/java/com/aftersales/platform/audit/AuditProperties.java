package com.aftersales.platform.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code aftersales.audit.*}: paging of the audit log API. */
@ConfigurationProperties("aftersales.audit")
public record AuditProperties(@DefaultValue("50") int defaultPageSize, @DefaultValue("500") int maxPageSize) {
}
