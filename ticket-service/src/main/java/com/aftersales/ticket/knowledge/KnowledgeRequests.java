package com.aftersales.ticket.knowledge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the knowledge base. */
public final class KnowledgeRequests {

    static final String CATEGORY = "[A-Z][A-Z0-9_]*";
    static final String LANGUAGE = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*";

    private KnowledgeRequests() {
    }

    /** {@code POST /api/knowledge-articles}; status DRAFT when absent. */
    public record Create(
            @Size(max = 64) String model,
            @NotBlank @Size(max = 64) @Pattern(regexp = CATEGORY, message = "{aftersales.code.category}") String category,
            @Size(max = 64) String faultCode,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 4000) String symptoms,
            @Size(max = 4000) String cause,
            @NotBlank @Size(max = 8000) String fixSteps,
            @NotNull @Pattern(regexp = LANGUAGE, message = "{aftersales.customer.language-tag}") String language,
            ArticleStatus status) {
    }

    /** {@code PATCH /api/knowledge-articles/{id}}: absent fields stay as they are. */
    public record Update(
            @Size(max = 64) String model,
            @Size(min = 1, max = 64) @Pattern(regexp = CATEGORY, message = "{aftersales.code.category}") String category,
            @Size(max = 64) String faultCode,
            @Size(min = 1, max = 200) String title,
            @Size(min = 1, max = 4000) String symptoms,
            @Size(max = 4000) String cause,
            @Size(min = 1, max = 8000) String fixSteps,
            @Pattern(regexp = LANGUAGE, message = "{aftersales.customer.language-tag}") String language,
            ArticleStatus status) {
    }
}
