/** The read-only snapshot behind the gateway's ops console ({@code GET /api/ops/feedback-service}). */
package com.aftersales.feedback.operations;
