package com.aftersales.ticket.call;

import com.aftersales.ticket.customer.ValidPhone;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/**
 * Body of {@code POST /api/calls}. Text is stored as given; limits keep one request from filling the database.
 *
 * @param customerId    the registered customer who called, if known (else the caller may stay anonymous)
 * @param callerPhone   any phone format; stored in E.164
 * @param category      the product category asked about, if any (category code, e.g. AIR_CONDITIONER)
 * @param articleId     the knowledge article shared (required with outcome ARTICLE_SHARED)
 * @param callbackDueAt required with outcome CALLBACK_PROMISED
 */
public record LogCallRequest(
        UUID customerId,
        @Size(max = 200) String callerName,
        @Size(max = 32) @ValidPhone String callerPhone,
        @NotNull CallTopic topic,
        @Size(max = 64) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "{aftersales.code.category}") String category,
        @Size(max = 64) @Pattern(regexp = "[\\p{Alnum}][\\p{Alnum}._/-]*", message = "{aftersales.code.model}") String model,
        @NotBlank @Size(max = 4000) String question,
        @Size(max = 4000) String answer,
        @NotNull CallOutcome outcome,
        UUID articleId,
        Instant callbackDueAt) {
}
