package com.aftersales.ticket.knowledge;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** The {@code why} of a search hit in English or Chinese ({@code knowledge-texts[_zh].properties}). */
@Component
class KnowledgeTexts {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    KnowledgeTexts() {
        messages.setBasenames("knowledge-texts");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    String why(ArticleView.Ranking r, KnowledgeIndex.TextHit hit, KnowledgeArticle a, ModelFamilies.Closeness closeness,
               String unitModel, KnowledgeRanking ranking, Locale locale) {
        StringBuilder why = new StringBuilder(text("why.text", locale, f(r.bm25()), f(r.relevance()),
                Math.round(hit.coverage() * 100)));
        if (!r.concepts().isEmpty()) {
            why.append(text("why.concepts", locale, String.join(", ", r.concepts())));
        }
        if (!r.codes().isEmpty()) {
            why.append(text("why.codes", locale, String.join(", ", r.codes())));
        }
        if (!hit.words().isEmpty()) {
            why.append(text("why.words", locale, String.join(" ", hit.words().subList(0, Math.min(8, hit.words().size())))));
        }
        switch (closeness.level()) {
            case EXACT -> why.append(text("why.model.EXACT", locale, a.model(), f(r.modelFactor())));
            case FAMILY -> why.append(text("why.model.FAMILY", locale, closeness.family(), unitModel, closeness.rule(),
                    f(r.modelFactor())));
            case CATEGORY -> why.append(text("why.model.CATEGORY", locale, f(r.modelFactor())));
            case OTHER -> {
                if (a.model() != null) {
                    why.append(text("why.model.OTHER", locale, a.model()));
                }
            }
        }
        int total = a.solvedCount() + a.notSolvedCount();
        why.append(total == 0 ? text("why.outcomes.none", locale, f(ranking.priorMean()))
                : text("why.outcomes", locale, a.solvedCount(), total, f(r.smoothedSuccess()), f(r.outcomeFactor())));
        return why.toString();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
