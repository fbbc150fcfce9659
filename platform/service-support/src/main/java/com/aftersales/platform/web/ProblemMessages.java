package com.aftersales.platform.web;

import org.springframework.context.support.ResourceBundleMessageSource;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Problem titles and the platform's fixed problem texts in English and Chinese, chosen by {@code Accept-Language}
 * ({@code zh}, {@code zh-CN}, ... get Chinese; anything else, or no header, English). The platform's bundle is
 * {@code aftersales-problems}; a service may add titles for its own types in {@code problems[_zh].properties}.
 * The problem {@code type} never changes with the language.
 */
public final class ProblemMessages {

    /** What the bundles are written in: English is the base bundle. */
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final String TITLE_KEY = "problem.%s.title";

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    public ProblemMessages() {
        messages.setBasenames("problems", "aftersales-problems");
        messages.setDefaultEncoding("UTF-8");
        // Never the server's locale: a client that asked for nothing gets English.
        messages.setFallbackToSystemLocale(false);
        messages.setUseCodeAsDefaultMessage(false);
    }

    /** Chinese for any {@code zh} language range the client prefers, else English. */
    public static Locale resolve(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.equals("zh") || tag.startsWith("zh-")) {
                    return CHINESE;
                }
                if (tag.equals("en") || tag.startsWith("en-")) {
                    return ENGLISH;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // A malformed header is not worth an error: English.
        }
        return ENGLISH;
    }

    /** The title of a problem type in that language, when the bundles know the type. */
    public Optional<String> title(URI type, Locale locale) {
        if (type == null || !type.toString().startsWith(ProblemType.PREFIX)) {
            return Optional.empty();
        }
        String slug = type.toString().substring(ProblemType.PREFIX.length());
        return Optional.ofNullable(messages.getMessage(TITLE_KEY.formatted(slug), null, null, locale));
    }

    /** A fixed text by key (see aftersales-problems.properties), with {@link java.text.MessageFormat} arguments. */
    public String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, resolve(arguments, locale), locale);
    }

    /** A text by key when the bundles have it; {@link Term} arguments are looked up too. */
    public Optional<String> find(String key, Locale locale, Object... arguments) {
        return Optional.ofNullable(messages.getMessage(key, resolve(arguments, locale), null, locale));
    }

    /**
     * An argument that is itself a word of the bundles (a resource's name, a status), written as {@code fallback}
     * when the bundles lack {@code key}.
     */
    public record Term(String key, String fallback) {
        @Override
        public String toString() {
            return fallback;
        }
    }

    private Object[] resolve(Object[] arguments, Locale locale) {
        if (arguments == null) {
            return null;
        }
        Object[] resolved = arguments.clone();
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] instanceof Term term) {
                resolved[i] = messages.getMessage(term.key(), null, term.fallback(), locale);
            }
        }
        return resolved;
    }
}
