package com.aftersales.ticket.knowledge;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How close an article's model is to the caller's unit. An article names a model, a family (a prefix of models up
 * to a variant separator: {@code KFR-35GW} for the unit {@code KFR-35GW/BpR3}) or, without a model, the whole
 * category. Rule {@code model-family-prefix}: the article's model is the unit's model cut at one of the configured
 * separators; the longer the shared part, the closer. Rule {@code model-family-table}: the explicit table puts both
 * in the same family (a model, or a prefix of models ending at a separator, maps to a family name). Closeness only
 * ranks; no article is left out for its model.
 *
 * @param separators characters that end a family prefix, e.g. {@code /} and {@code -}
 * @param table      explicit families: model or model prefix → family name
 */
public record ModelFamilies(String separators, Map<String, String> table) {

    public enum Level { EXACT, FAMILY, CATEGORY, OTHER }

    /**
     * @param closeness 1 for the same model, the share of the unit's model the family prefix covers (0..1) for a
     *                  family, 0 otherwise
     * @param rule      the rule that matched, for the explanation
     */
    public record Closeness(Level level, double closeness, String family, String rule) {
    }

    public ModelFamilies {
        separators = separators == null ? "/" : separators;
        table = table == null ? Map.of() : Map.copyOf(table);
    }

    public Closeness of(String articleModel, String unitModel) {
        if (articleModel == null || articleModel.isBlank()) {
            return new Closeness(Level.CATEGORY, 0, null, "category-article");
        }
        if (unitModel == null || unitModel.isBlank()) {
            return new Closeness(Level.OTHER, 0, null, null);
        }
        String article = key(articleModel);
        String unit = key(unitModel);
        if (article.equals(unit)) {
            return new Closeness(Level.EXACT, 1, articleModel, "same-model");
        }
        if (unit.startsWith(article) && separators.indexOf(unit.charAt(article.length())) >= 0) {
            return new Closeness(Level.FAMILY, (double) segments(article) / segments(unit), articleModel,
                    "model-family-prefix");
        }
        Optional<String> unitFamily = family(unit);
        if (unitFamily.isPresent() && (unitFamily.get().equals(article) || unitFamily.equals(family(article)))) {
            return new Closeness(Level.FAMILY, 1, unitFamily.get(), "model-family-table");
        }
        return new Closeness(Level.OTHER, 0, null, null);
    }

    /** The explicit family of a model: the longest table entry that is the model or a prefix of it at a separator. */
    Optional<String> family(String model) {
        String best = null;
        String family = null;
        for (Map.Entry<String, String> e : table.entrySet()) {
            String prefix = key(e.getKey());
            boolean covers = model.equals(prefix)
                    || (model.startsWith(prefix) && separators.indexOf(model.charAt(prefix.length())) >= 0);
            if (covers && (best == null || prefix.length() > best.length())) {
                best = prefix;
                family = key(e.getValue());
            }
        }
        return Optional.ofNullable(family);
    }

    private int segments(String model) {
        int n = 1;
        for (char c : model.toCharArray()) {
            if (separators.indexOf(c) >= 0) {
                n++;
            }
        }
        return n;
    }

    private static String key(String model) {
        return model.strip().toUpperCase(Locale.ROOT);
    }
}
