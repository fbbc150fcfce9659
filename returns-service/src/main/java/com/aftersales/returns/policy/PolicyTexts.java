package com.aftersales.returns.policy;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The policy's texts in English and Chinese (bundles {@code policy-texts[_zh].properties}): rule descriptions
 * ({@code rule.<NAME>}) and keyed details and explanations, which a clerk reads to the customer. Decisions store
 * the key and its arguments, so each reader gets them in his own language; the English text is stored too
 * (events carry it). Plain Java, no Spring.
 */
public final class PolicyTexts {

    static final String BUNDLE = "policy-texts";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private PolicyTexts() {
    }

    /** The text of {@code key} in English. */
    public static String english(String key, List<String> args) {
        return render(key, args, Locale.ENGLISH);
    }

    /** The text of {@code key} in {@code locale} (Chinese for any zh locale, else English). */
    public static String render(String key, List<String> args, Locale locale) {
        ResourceBundle bundle = bundle(locale);
        Object[] values = args.stream().map(a -> value(bundle, a)).toArray();
        return new MessageFormat(bundle.getString(key), locale).format(values);
    }

    /**
     * An argument as the reader sees it: a value the bundle names ({@code value.<arg>}: remedies, price types), a rule
     * the bundle describes ({@code rule.<arg>}; the English bundle keeps rule codes), else the argument itself.
     */
    private static String value(ResourceBundle bundle, String arg) {
        if (arg == null) {
            return null;
        }
        if (bundle.containsKey("value." + arg)) {
            return bundle.getString("value." + arg);
        }
        boolean english = bundle.getLocale().getLanguage().isEmpty();
        return !english && bundle.containsKey("rule." + arg) ? "「" + bundle.getString("rule." + arg) + "」" : arg;
    }

    /** The description of a rule in {@code locale}: the bundle's, else the rule's own (English). */
    public static String description(PolicyRule rule, Locale locale) {
        try {
            return bundle(locale).getString("rule." + rule.name());
        } catch (MissingResourceException notInBundle) {
            return rule.description();
        }
    }

    /** Whether {@code key} has a text (in the base bundle, which every language falls back to). */
    public static boolean has(String key) {
        return key != null && bundle(Locale.ENGLISH).containsKey(key);
    }

    private static ResourceBundle bundle(Locale locale) {
        Locale chosen = locale != null && "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, chosen, PolicyTexts.class.getClassLoader(), NO_FALLBACK);
    }
}
