package com.aftersales.feedback.survey;

/** SCHEDULED until answered; SKIPPED when a rule decided not to ask (e.g. no contact consent). Expiry is computed from expiresAt. */
enum SurveyStatus {
    SCHEDULED, ANSWERED, SKIPPED
}
