/**
 * Dispatch jobs (派工单): a ticket that needs a visit becomes a job awaiting assignment. The rule
 * that decides which tickets need a visit is {@link com.aftersales.dispatch.job.VisitRequirement}.
 */
package com.aftersales.dispatch.job;
