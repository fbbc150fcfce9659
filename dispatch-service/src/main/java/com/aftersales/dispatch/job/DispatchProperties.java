package com.aftersales.dispatch.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Set;

/** @param visitTicketTypes ticket types that need a technician on site (the rest are handled remotely) */
@ConfigurationProperties("aftersales.dispatch")
public record DispatchProperties(@DefaultValue({"REPAIR", "INSTALLATION"}) Set<String> visitTicketTypes) {
}
