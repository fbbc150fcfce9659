package com.aftersales.dispatch.assignment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * Body of {@code POST /api/dispatch/jobs/{id}/decline}: the assigned technician declines, with a reason. Who declines
 * comes from the token: a technician declines for himself; a supervisor for the job's assigned technician.
 *
 * @param technicianId optional: when given it must be the job's assigned technician (and, for a technician, himself)
 */
public record DeclineRequest(
        @Schema(description = "Optional; the caller's own technician id for a technician, the assigned technician otherwise")
        UUID technicianId,
        @NotBlank @Size(max = 500) String reason) {
}
