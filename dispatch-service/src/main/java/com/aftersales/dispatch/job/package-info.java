/**
 * Dispatch jobs (派工单): a ticket that needs a visit becomes a job (rule
 * {@link com.aftersales.dispatch.job.VisitRequirement}), held while out-of-warranty work lacks a
 * communicated charge basis and flagged when it has no location to score distance with
 * ({@link com.aftersales.dispatch.job.JobIntakeRules}). Assignable jobs are announced in-process
 * ({@link com.aftersales.dispatch.job.JobReadyForAssignment}) to the assignment engine.
 */
package com.aftersales.dispatch.job;
