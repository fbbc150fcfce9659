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
    private final KnowledgeIndex index;
    private final KnowledgeIndexSync sync;
    private final KnowledgeTexts texts;
    private final KnowledgeProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    KnowledgeService(KnowledgeRepository articles, KnowledgeIndex index, KnowledgeIndexSync sync, KnowledgeTexts texts,
                     KnowledgeProperties properties, Clock clock, MeterRegistry meters) {
        this.articles = articles;
        this.index = index;
        this.sync = sync;
        this.texts = texts;
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
        sync.afterCommit();
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
        sync.afterCommit();
        return changed;
    }

    @Transactional(readOnly = true)
    public KnowledgeArticle require(UUID id) {
        return articles.find(id).orElseThrow(() -> ProblemException.notFound("knowledge article", id));
    }

    @Transactional(readOnly = true)
    public List<KnowledgeArticle> byStatus(ArticleStatus status, java.time.Instant afterUpdatedAt, UUID afterId,
                                           int limit) {
        return articles.byStatus(status, afterUpdatedAt, afterId, limit);
    }

    /**
     * Published articles ranked for a fault description, each with why it ranks where it does (in {@code locale}):
     * BM25 over the in-memory index, then re-ranked by how close the article's model is to the unit's and by its
     * smoothed success rate. The category, when given, narrows the search; the model never does.
     */
    public List<ArticleView.Suggestion> search(String query, String model, String category, String language, int limit,
                                               Locale locale) {
        String unitModel = blankToNull(model);
        KnowledgeRanking ranking = properties.ranking().rules();
        ModelFamilies families = properties.families().rules();
        int max = Math.min(limit, properties.maxLimit());
        return index.search(query.strip(), blankToNull(category), blankToNull(language), properties.fieldWeights().weights(),
                        properties.minCoverage(), Math.max(properties.candidates(), max), max,
                        (a, relevance) -> ranking.score(relevance, families.of(a.model(), unitModel), a.solvedCount(),
                                a.notSolvedCount()))
                .stream()
                .map(hit -> {
                    KnowledgeArticle a = hit.article();
                    ModelFamilies.Closeness closeness = families.of(a.model(), unitModel);
                    ArticleView.Ranking figures = new ArticleView.Ranking(round(hit.bm25()), round(hit.relevance()),
                            hit.concepts(), hit.codes(), closeness.level().name(), closeness.rule(),
                            round(ranking.modelFactor(closeness)), round(ranking.smoothedSuccess(a.solvedCount(), a.notSolvedCount())),
                            round(ranking.outcomeFactor(a.solvedCount(), a.notSolvedCount())));
                    return new ArticleView.Suggestion(ArticleView.of(a), round(hit.coverage()), round(hit.score()),
                            texts.why(figures, hit, a, closeness, unitModel, ranking, locale), figures);
                })
                .toList();
    }

    /** Suggestions shown with a new ticket. */
    public List<ArticleView.Suggestion> suggestFor(String faultDescription, String model, String category, Locale locale) {
        if (faultDescription == null || faultDescription.isBlank()) {
            return List.of();
        }
        return search(faultDescription, model, category, null, properties.suggestionLimit(), locale);
    }

    /** Records, in the caller's transaction, which articles a ticket's caller was shown. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordShown(UUID ticketId, List<ArticleView.Suggestion> suggestions) {
        Instant now = now();
        List<ShownArticle> shown = new java.util.ArrayList<>();
        for (int i = 0; i < suggestions.size(); i++) {
            ArticleView.Suggestion s = suggestions.get(i);
            shown.add(new ShownArticle(s.article().id(), s.article().title(), i + 1, s.score(), now));
        }
        articles.recordShown(ticketId, shown);
    }

    @Transactional(readOnly = true)
    public List<ShownArticle> shown(UUID ticketId) {
        return articles.shown(ticketId);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
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
        sync.afterCommit();
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
