package com.aftersales.ticket.knowledge;

import com.aftersales.ticket.shared.TicketMetrics;
import com.aftersales.platform.web.ProblemException;
import com.aftersales.ticket.shared.Versions;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Use cases of the knowledge base. */
@Service
public class KnowledgeService {

    static final String SOURCE_AGENT = "AGENT";
    static final String SOURCE_FIELD_VISIT = "FIELD_VISIT";
    static final String RULE_REVISES = "field-visit-revises-article";
    static final String RULE_NEW = "field-visit-new-article";

    private final KnowledgeRepository articles;
    private final KnowledgeProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    KnowledgeService(KnowledgeRepository articles, KnowledgeProperties properties, Clock clock, MeterRegistry meters) {
        this.articles = articles;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public KnowledgeArticle create(KnowledgeRequests.Create r) {
        Instant now = now();
        KnowledgeArticle article = new KnowledgeArticle(UUID.randomUUID(), r.model(), r.category(), r.faultCode(), r.title(),
                r.symptoms(), r.cause(), r.fixSteps(), r.language(), r.status() == null ? ArticleStatus.DRAFT : r.status(),
                SOURCE_AGENT, null, null, 0, 0, now, now, 0);
        articles.insert(article);
        return article;
    }

    @Transactional
    public KnowledgeArticle update(UUID id, KnowledgeRequests.Update r, String ifMatch) {
        KnowledgeArticle a = require(id);
        Versions.checkIfMatch(ifMatch, a.version(), "article " + id);
        KnowledgeArticle changed = new KnowledgeArticle(id, r.model() != null ? r.model() : a.model(),
                r.category() != null ? r.category() : a.category(), r.faultCode() != null ? r.faultCode() : a.faultCode(),
                r.title() != null ? r.title() : a.title(), r.symptoms() != null ? r.symptoms() : a.symptoms(),
                r.cause() != null ? r.cause() : a.cause(), r.fixSteps() != null ? r.fixSteps() : a.fixSteps(),
                r.language() != null ? r.language() : a.language(), r.status() != null ? r.status() : a.status(),
                a.source(), a.proposedFromTicket(), a.updatesArticle(), a.solvedCount(), a.notSolvedCount(), a.createdAt(),
                now(), a.version() + 1);
        articles.update(changed, a.version());
        if (a.updatesArticle() != null && a.status() != ArticleStatus.PUBLISHED && changed.status() == ArticleStatus.PUBLISHED) {
            articles.retire(a.updatesArticle(), changed.updatedAt());
        }
        return changed;
    }

    @Transactional(readOnly = true)
    public KnowledgeArticle require(UUID id) {
        return articles.find(id).orElseThrow(() -> ProblemException.notFound("knowledge article", id));
    }

    @Transactional(readOnly = true)
    public List<KnowledgeArticle> byStatus(ArticleStatus status, int limit) {
        return articles.byStatus(status, Math.min(limit, properties.maxLimit()));
    }

    /** Published articles ranked for a fault description, each with why it ranks where it does. */
    @Transactional(readOnly = true)
    public List<ArticleView.Suggestion> search(String query, String model, String category, String language, int limit) {
        return articles.search(query.strip(), blankToNull(model), blankToNull(category), blankToNull(language), properties,
                        Math.min(limit, properties.maxLimit())).stream()
                .map(hit -> {
                    Double rate = hit.article().successRate();
                    double score = hit.similarity() + (hit.modelMatch() ? properties.modelBoost() : 0)
                            + properties.successWeight() * (rate == null ? 0 : rate);
                    String why = String.format(Locale.ROOT, "text similarity %.2f%s%s", hit.similarity(),
                            hit.modelMatch() ? "; same model (+" + properties.modelBoost() + ")" : "",
                            rate == null ? "; no outcomes yet" : String.format(Locale.ROOT, "; solved %d of %d (+%.2f)",
                                    hit.article().solvedCount(), hit.article().solvedCount() + hit.article().notSolvedCount(),
                                    properties.successWeight() * rate));
                    return new ArticleView.Suggestion(ArticleView.of(hit.article()), hit.similarity(), score, why);
                })
                .toList();
    }

    /** Suggestions shown with a new ticket. */
    @Transactional(readOnly = true)
    public List<ArticleView.Suggestion> suggestFor(String faultDescription, String model, String category) {
        return search(faultDescription, model, category, null, properties.suggestionLimit());
    }

    /**
     * The agent reports whether an article solved the customer's problem; counted once per ticket and article.
     *
     * @throws ProblemException 409 when this ticket already reported on this article
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public KnowledgeArticle recordOutcome(UUID articleId, UUID ticketId, boolean solved, String actor) {
        require(articleId);
        if (!articles.recordOutcome(articleId, ticketId, solved, actor, now())) {
            throw ProblemException.conflict("The outcome of article " + articleId + " on ticket " + ticketId
                    + " was already recorded");
        }
        meters.counter(TicketMetrics.KNOWLEDGE_OUTCOMES, "solved", Boolean.toString(solved)).increment();
        return require(articleId);
    }

    /**
     * A resolved field visit proposes a draft article for review, once per ticket (a redelivered report proposes
     * nothing new). Rule {@value #RULE_REVISES}: when a published article of the same category and fault code reads
     * like the visit (similarity at least {@code update-similarity}), the draft revises that article (publishing it
     * retires the old one); otherwise rule {@value #RULE_NEW} proposes a new article.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void proposeFromVisit(UUID ticketId, String model, String category, String faultCode, String symptoms,
                                 String cause, String fix, String language) {
        Instant now = now();
        String visitText = (symptoms == null ? "" : symptoms) + " " + (cause == null ? "" : cause);
        Optional<KnowledgeArticle> revised = faultCode == null || visitText.isBlank() ? Optional.empty()
                : articles.closestPublished(category, model, faultCode, visitText.strip(), properties.updateSimilarity());
        String title = revised.map(KnowledgeArticle::title).orElse((faultCode == null ? "" : faultCode + " ")
                + truncate(cause == null ? symptoms : cause, 150));
        boolean proposed = articles.insert(new KnowledgeArticle(UUID.randomUUID(), revised.map(KnowledgeArticle::model)
                .orElse(model), category, faultCode, title, truncate(symptoms, 4000), truncate(cause, 4000),
                truncate(fix, 8000), language, ArticleStatus.DRAFT, SOURCE_FIELD_VISIT, ticketId,
                revised.map(KnowledgeArticle::id).orElse(null), 0, 0, now, now, 0));
        if (proposed) {
            meters.counter(TicketMetrics.KNOWLEDGE_PROPOSALS, "rule", revised.isPresent() ? RULE_REVISES : RULE_NEW)
                    .increment();
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
