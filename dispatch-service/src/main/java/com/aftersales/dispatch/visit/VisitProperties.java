package com.aftersales.dispatch.visit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code aftersales.dispatch.visits}.
 *
 * @param noShowWait how long after the appointment window starts the technician waits before he may record a no-show
 *                   (rule {@value Visit#RULE_NO_SHOW_AFTER_WINDOW_START})
 */
@ConfigurationProperties("aftersales.dispatch.visits")
public record VisitProperties(@DefaultValue("15m") Duration noShowWait) {

    public VisitProperties {
        if (noShowWait == null || noShowWait.isNegative()) {
            throw new IllegalArgumentException("aftersales.dispatch.visits.no-show-wait must be zero or more");
        }
    }
}
