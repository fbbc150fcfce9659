package com.aftersales.feedback.followup;

/** What a care contact achieved; only REACHED restarts the tier cadence. */
enum ContactOutcome {
    REACHED, NO_ANSWER, DECLINED, WRONG_NUMBER
}
