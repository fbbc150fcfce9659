package com.aftersales.dispatch.technician;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * Body of {@code POST /api/technicians} and {@code PUT /api/technicians/{id}}.
 *
 * @param serviceRadiusKm optional when region codes are given
 * @param partnerDepot    code of the partner depot the technician belongs to; absent for in-house staff
 */
public record TechnicianRequest(
        @NotBlank @Size(max = 100) String name,
        @NotEmpty @Size(max = 50) List<@Valid SkillRequest> skills,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double homeLatitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double homeLongitude,
        @Positive @Max(1000) Double serviceRadiusKm,
        @Size(max = 50) Set<@NotBlank @Size(max = 32) String> regionCodes,
        @NotNull @Valid CalendarRequest calendar,
        @NotNull @Min(1) @Max(50) Integer maxVisitsPerDay,
        @Size(max = 63) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "{aftersales.code.lower-case}")
        String partnerDepot) {

    public record SkillRequest(@NotNull Skill.Kind kind, @NotBlank @Size(max = 64) String code,
                               @NotNull @Min(1) @Max(10) Integer level) {
    }

    public record CalendarRequest(@NotBlank @Size(max = 64) String timeZone,
                                  @NotEmpty @Size(max = 21) List<@Valid ShiftRequest> shifts,
                                  @Size(max = 366) Set<@NotNull LocalDate> daysOff) {
    }

    public record ShiftRequest(@NotNull DayOfWeek day, @NotNull LocalTime start, @NotNull LocalTime end) {
    }
}
