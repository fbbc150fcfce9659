package com.aftersales.feedback.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param trendDays    days of daily CSAT in the ops snapshot's trend, today included
 * @param latestAlerts quality alerts listed in the snapshot, newest first
 */
@ConfigurationProperties("aftersales.feedback.operations")
record OperationsProperties(@DefaultValue("14") int trendDays, @DefaultValue("5") int latestAlerts) {
}
