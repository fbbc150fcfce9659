package com.aftersales.dispatch.planning;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * {@code aftersales.dispatch.planning.*}.
 *
 * @param timeLimit        the solver never runs longer than this
 * @param unimprovedLimit  it stops sooner when the plan has not improved for this long
 * @param serviceTime      how long a visit takes on site, for sequencing
 * @param urgencyByPriority lateness weight per ticket priority
 * @param maxJobs          the largest number of jobs one plan takes, oldest first
 * @param autoReplanAfter  once a plan exists, re-plan this long after it went stale (new jobs, technicians off
 *                         duty), gathering the changes of that time in one re-plan; 0 turns it off
 */
@ConfigurationProperties("aftersales.dispatch.planning")
public record PlanningProperties(
        @DefaultValue("5s") Duration timeLimit,
        @DefaultValue("1s") Duration unimprovedLimit,
        @DefaultValue("60m") Duration serviceTime,
        Map<String, Integer> urgencyByPriority,
        @DefaultValue("1000") int maxJobs,
        @DefaultValue("20261124") long seed,
        @DefaultValue("30s") Duration autoReplanAfter) {

    public int urgency(String priority) {
        return urgencyByPriority == null ? 1 : urgencyByPriority.getOrDefault(priority, 1);
    }
}
