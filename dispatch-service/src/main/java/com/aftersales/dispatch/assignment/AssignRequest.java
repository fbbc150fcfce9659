package com.aftersales.dispatch.assignment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * Body of {@code PUT /api/dispatch/jobs/{id}/assignment}: a supervisor assigns or reassigns.
 *
 * @param overrideRules optional; must be true to assign a technician a hard rule excludes (off duty, no skill, ...)
 */
public record AssignRequest(@NotNull UUID technicianId, @NotBlank @Size(max = 500) String reason,
                            Boolean overrideRules) {

    boolean overridesRules() {
        return Boolean.TRUE.equals(overrideRules);
    }
}
