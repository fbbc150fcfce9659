package com.aftersales.feedback.complaint;

/** How serious a complaint is; sets its handling SLA. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
