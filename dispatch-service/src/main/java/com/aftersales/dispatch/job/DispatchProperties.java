package com.aftersales.dispatch.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Set;

/**
 * @param visitTicketTypes             ticket types that need a technician on site (the rest are handled remotely)
 * @param cancelOnTicketStatuses       ticket statuses that end the need for a visit not started yet
 */
@ConfigurationProperties("aftersales.dispatch")
public record DispatchProperties(@DefaultValue({"REPAIR", "INSTALLATION"}) Set<String> visitTicketTypes,
                                 @DefaultValue({"RESOLVED_REMOTELY", "CLOSED"}) Set<String> cancelOnTicketStatuses) {
}
