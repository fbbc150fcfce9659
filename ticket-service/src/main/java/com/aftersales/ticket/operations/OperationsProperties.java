package com.aftersales.ticket.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** @param breachWindow how far back the ops snapshot counts SLA breaches ("in the last 24 h") */
@ConfigurationProperties("aftersales.ticket.operations")
record OperationsProperties(@DefaultValue("24h") Duration breachWindow) {
}
