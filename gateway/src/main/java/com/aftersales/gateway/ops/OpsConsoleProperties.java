package com.aftersales.gateway.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * @param refreshInterval how often the page reloads its figures
 * @param languages       languages with a label bundle; the first is the fallback
 * @param chartLibrary    the chart library's file inside its webjar
 */
@ConfigurationProperties("aftersales.gateway.ops")
public record OpsConsoleProperties(@DefaultValue("30s") Duration refreshInterval,
                                   @DefaultValue({"en", "zh"}) List<String> languages,
                                   @DefaultValue("chart.js/dist/chart.umd.min.js") String chartLibrary) {
}
