package com.aftersales.ticket.knowledge;

import com.aftersales.platform.idempotency.IdempotentRequests;
import com.aftersales.platform.web.ProblemMessages;
import com.aftersales.platform.web.paging.KeysetPage;
import com.aftersales.platform.web.paging.PageLinks;
import com.aftersales.platform.web.paging.PageToken;
import com.aftersales.platform.web.paging.PagingProperties;
import com.aftersales.ticket.shared.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@Validated
@RequestMapping(path = "/api/knowledge-articles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Knowledge base", description = "Known faults and fixes (标准化问题库)")
class KnowledgeController {

    private static final String PROBLEM_JSON = "application/problem+json";

    static final String LIST = "knowledge-articles";

    private final KnowledgeService knowledge;
    private final IdempotentRequests idempotency;
    private final PagingProperties paging;

    KnowledgeController(KnowledgeService knowledge, IdempotentRequests idempotency, PagingProperties paging) {
        this.knowledge = knowledge;
        this.idempotency = idempotency;
        this.paging = paging;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Write an article", description = "DRAFT unless status says PUBLISHED; only published articles are suggested.")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @ApiResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = PROBLEM_JSON))
    ResponseEntity<Object> create(@Parameter(description = "Client-chosen key that makes the request safe to retry")
                                  @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                                  @Valid @RequestBody KnowledgeRequests.Create request) {
        return idempotency.create("POST /api/knowledge-articles", idempotencyKey, request, () -> {
            KnowledgeArticle article = knowledge.create(request);
            return new IdempotentRequests.Created(URI.create("/api/knowledge-articles/" + article.id()), ArticleView.of(article));
        });
    }

    @GetMapping("/{id}")
    @Operation(summary = "An article with its success rate")
    @ApiResponse(responseCode = "404", description = "No such article", content = @Content(mediaType = PROBLEM_JSON))
    ResponseEntity<ArticleView> get(@PathVariable UUID id) {
        KnowledgeArticle article = knowledge.require(id);
        return ResponseEntity.ok().eTag(Versions.etag(article.version())).body(ArticleView.of(article));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Edit, publish or retire an article", description = "If-Match guards against overwriting another edit (409).")
    @ApiResponse(responseCode = "404", description = "No such article", content = @Content(mediaType = PROBLEM_JSON))
    @ApiResponse(responseCode = "409", description = "Changed by someone else", content = @Content(mediaType = PROBLEM_JSON))
    ResponseEntity<ArticleView> update(@PathVariable UUID id,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       @Valid @RequestBody KnowledgeRequests.Update request) {
        KnowledgeArticle article = knowledge.update(id, request, ifMatch);
        return ResponseEntity.ok().eTag(Versions.etag(article.version())).body(ArticleView.of(article));
    }

    @GetMapping
    @Operation(summary = "Articles by status", description = "status=DRAFT is the review queue, with proposals from "
            + "field visits. Last changed first (then id); paged as every list (docs/paging.md): pageSize and "
            + "pageToken, the next page in the Link rel=\"next\" header.")
    ResponseEntity<List<ArticleView>> byStatus(
            @RequestParam(defaultValue = "DRAFT") ArticleStatus status,
            @Parameter(description = "Articles per page (default and maximum: aftersales.paging.lists.knowledge-articles)")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer pageSize,
            @Parameter(description = "The pageToken of the Link rel=\"next\" header of the page before")
            @RequestParam(required = false) @Size(max = PageToken.MAX_LENGTH) String pageToken,
            @Parameter(deprecated = true, description = "Deprecated name of pageSize")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer limit) {
        int size = paging.pageSize(LIST, pageSize, limit);
        PageToken after = PageToken.parse(pageToken, 2);
        List<KnowledgeArticle> found = knowledge.byStatus(status, after == null ? null : after.instant(0),
                after == null ? null : after.uuid(1), size + 1);
        return PageLinks.ok(KeysetPage.of(found, size, a -> PageToken.of(a.updatedAt(), a.id())).map(ArticleView::of));
    }

    @GetMapping("/search")
    @Operation(summary = "Rank published articles for a fault description",
            description = "BM25 (Lucene) over Chinese words (smartcn), CJK bigrams, stemmed English, the domain vocabulary's "
                    + "groups and exact error codes; then re-ranked: the unit's model, its family (model cut at a variant "
                    + "separator, or the family table), an article for the whole category, and the article's success "
                    + "rate smoothed by a Beta prior move it up or down, never out. category narrows the search; model "
                    + "only ranks. Each hit says why, in the Accept-Language (zh or en).")
    List<ArticleView.Suggestion> search(@RequestParam @NotBlank @Size(max = 500) String q,
                                        @RequestParam(required = false) @Size(max = 64) String model,
                                        @RequestParam(required = false) @Size(max = 64) String category,
                                        @RequestParam(required = false) @Size(max = 16) String language,
                                        @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit,
                                        @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return knowledge.search(q, model, category, language, limit, ProblemMessages.resolve(acceptLanguage));
    }
}
