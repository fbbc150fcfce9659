/**
 * Satisfaction surveys (回访): one per resolved ticket, scheduled from ticket and visit events after a
 * configured delay, answered once through an unguessable token before it expires (CSAT 1–5, NPS 0–10,
 * free text, channel). A low score opens a complaint or a callback task ({@link com.aftersales.feedback.survey.LowScoreRule}).
 */
package com.aftersales.feedback.survey;
