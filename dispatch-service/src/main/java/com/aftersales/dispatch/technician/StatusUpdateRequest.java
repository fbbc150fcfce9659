package com.aftersales.dispatch.technician;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/technicians/{id}/status} from the technician app; the position is optional. */
public record StatusUpdateRequest(
        @NotNull TechnicianStatus status,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude) {
}
