package com.aftersales.feedback.kpi;

import java.util.Locale;

/** What KPIs can be grouped by; ALL is the whole platform (value "*"). */
enum Dimension {
    ALL, TECHNICIAN, TEAM, STORE, MODEL, REGION;

    static final String ALL_VALUE = "*";

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
