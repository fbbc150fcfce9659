package com.aftersales.feedback.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.feedback.reports.*}; defaults in application.yml. The targets drive the improvement
 * actions (rules RPT-FTF, RPT-CSAT, RPT-SLA, RPT-REPEAT, RPT-COMPLAINTS).
 *
 * @param trendMonths        months shown in the trend, the report's month included
 * @param trendDays          days shown in the daily report's trend, the report's day included
 * @param topFaults          how many fault codes the top-faults table lists
 * @param firstTimeFixTarget RPT-FTF fires below this rate
 * @param csatTarget         RPT-CSAT fires below this average
 * @param slaOnSiteTarget    RPT-SLA fires below this on-site SLA rate
 * @param repeatRepairMax    RPT-REPEAT fires above this repeat-repair rate
 * @param complaintRateMax   RPT-COMPLAINTS fires above this complaints-per-ticket rate
 */
@ConfigurationProperties("aftersales.feedback.reports")
public record ReportProperties(int trendMonths, int trendDays, int topFaults, double firstTimeFixTarget, double csatTarget,
                               double slaOnSiteTarget, double repeatRepairMax, double complaintRateMax) {
}
