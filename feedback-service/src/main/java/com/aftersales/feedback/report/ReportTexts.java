package com.aftersales.feedback.report;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The report's words in one language, from {@code report-texts} (English) and {@code report-texts_zh} (Chinese):
 * section titles, KPI names, findings and actions of the RPT-* rules. Numbers are formatted by the caller.
 */
final class ReportTexts {

    static final String BUNDLE = "report-texts";

    private final Locale locale;
    private final ResourceBundle bundle;

    ReportTexts(Locale locale) {
        this.locale = Locale.SIMPLIFIED_CHINESE.getLanguage().equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale.equals(Locale.ENGLISH) ? Locale.ROOT : this.locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    Locale locale() {
        return locale;
    }

    String text(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** A KPI's name; the code itself for a KPI the bundle does not name yet. */
    String kpi(String name) {
        try {
            return bundle.getString("kpi." + name);
        } catch (MissingResourceException e) {
            return name;
        }
    }
}
