package com.aftersales.dispatch.assignment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The engine's answer for one job: candidates ranked by score with every component explained, the
 * technicians excluded and the rule that excluded each, and whether the engine may assign alone.
 *
 * @param autoAssignVerdict why the engine may or may not assign the best candidate on its own
 */
public record Proposal(UUID jobId, List<ScoredCandidate> ranked, List<Excluded> excluded, boolean autoAssignable,
                       String autoAssignVerdict, Instant proposedAt) {

    public Optional<ScoredCandidate> best() {
        return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
    }

    public Optional<ScoredCandidate> candidate(UUID technicianId) {
        return ranked.stream().filter(c -> c.technicianId().equals(technicianId)).findFirst();
    }

    public Optional<Excluded> exclusion(UUID technicianId) {
        return excluded.stream().filter(c -> c.technicianId().equals(technicianId)).findFirst();
    }

    /**
     * @param roadKm           estimated road distance from the technician's position; null without a job location
     * @param estimatedArrival when they could be on site, after their open jobs; null without a job location
     */
    public record ScoredCandidate(UUID technicianId, String name, double score, List<Component> components,
                                  Double roadKm, Duration travelTime, Instant estimatedArrival) {

        /** The rule and the components, in words: what events and the job record carry. */
        public String explanation() {
            StringBuilder text = new StringBuilder(AssignmentEngine.RULE_BEST_SCORE)
                    .append(": score %.3f =".formatted(score));
            String sep = " ";
            for (Component c : components) {
                text.append(sep).append("%s %.2f×%.2f (%s)".formatted(c.name(), c.value(), c.weight(), c.why()));
                sep = " + ";
            }
            return text.toString();
        }
    }

    /** @param value 0..1; @param weight its relative weight (0 when it does not apply to this job) */
    public record Component(String name, double value, double weight, String why) {
    }

    /** A technician ruled out for this job by a hard rule. */
    public record Excluded(UUID technicianId, String name, String rule, String why) {
    }
}
