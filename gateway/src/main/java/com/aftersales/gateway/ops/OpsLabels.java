package com.aftersales.gateway.ops;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/** The console's labels from {@code ops/messages*.properties} (UTF-8), by the browser's preferred language. */
final class OpsLabels {

    private static final String BUNDLE = "ops.messages";

    private final List<String> languages;

    OpsLabels(List<String> languages) {
        this.languages = List.copyOf(languages);
    }

    /** The first supported language in the browser's order of preference; the first configured one otherwise. */
    String languageFor(List<Locale.LanguageRange> preferences) {
        String match = Locale.lookupTag(preferences, languages);
        if (match != null) {
            return match;
        }
        for (Locale.LanguageRange range : preferences) {
            String primary = range.getRange().split("-")[0];
            if (languages.contains(primary)) {
                return primary;
            }
        }
        return languages.get(0);
    }

    Map<String, String> messages(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> messages = new TreeMap<>();
        for (String key : bundle.keySet()) {
            messages.put(key, bundle.getString(key));
        }
        return messages;
    }
}
