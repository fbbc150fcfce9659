package com.aftersales.feedback.quality;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The quality scan runs on a schedule (interval in {@link QualityProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class QualityConfiguration {
}
