/**
 * The assignment engine (派工): for one job, filters technicians by named hard rules (on duty,
 * working today, required skill, service area, capacity today, not declined before), scores the
 * rest on skill, road distance, remaining capacity, SLA fit and first-time-fix history on the
 * fault category, and explains every component. The service auto-assigns the best candidate when
 * configured and the job allows it; supervisors override with a reason, technicians decline with
 * one, and both trigger the events of the change.
 */
package com.aftersales.dispatch.assignment;
