package com.aftersales.returns.depot;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/**
 * Body of {@code POST /api/depots}.
 *
 * @param turnaroundDays the repair promise; the configured default (7 days) when absent
 */
public record RegisterDepotRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "{aftersales.code.depot-length}")
        String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull DepotKind kind,
        @NotEmpty @Size(max = 100) Set<@NotBlank @Size(max = 64) String> categories,
        @Min(1) @Max(365) Integer turnaroundDays) {
}
