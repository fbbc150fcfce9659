package com.aftersales.dispatch.assignment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** Body of {@code POST /api/dispatch/jobs/{id}/decline}: the assigned technician declines, with a reason. */
public record DeclineRequest(@NotNull UUID technicianId, @NotBlank @Size(max = 500) String reason) {
}
