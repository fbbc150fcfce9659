package com.aftersales.feedback.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a notice in the customer's language from the bundle {@code notification-templates} (English) and
 * {@code notification-templates_zh} (Chinese). A template names its values: {@code {model}}, or with a format,
 * {@code {windowStart,datetime}}, {@code {windowEnd,time}}, {@code {promisedBy,date}}; the formats themselves are
 * in the bundle ({@code format.*}), dates and times in the configured zone. Plain Java, no Spring.
 */
public final class NoticeTemplates {

    public static final String BUNDLE = "notification-templates";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)(?:,(date|datetime|time))?}");

    private final ZoneId zone;

    public NoticeTemplates(ZoneId zone) {
        this.zone = zone;
    }

    /** A notice written out. */
    public record Rendered(Locale locale, String subject, String body) {
    }

    /** Chinese for any zh tag, English for everything else (and for an unknown language). */
    public static Locale localeOf(String languageTag) {
        return languageTag != null && languageTag.toLowerCase(Locale.ROOT).matches("zh([-_].*)?")
                ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /**
     * @throws IllegalArgumentException when a template names a value the notice does not carry (a template bug,
     *                                  caught by the bundle test)
     */
    public Rendered render(NoticeType type, String languageTag, Map<String, String> values) {
        Locale locale = localeOf(languageTag);
        ResourceBundle bundle = bundle(locale);
        String prefix = "notice." + type.name();
        return new Rendered(locale, fill(bundle, locale, bundle.getString(prefix + ".subject"), values),
                fill(bundle, locale, bundle.getString(prefix + ".body"), values));
    }

    static ResourceBundle bundle(Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH.equals(locale) ? Locale.ROOT : locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            throw new IllegalStateException("notification templates missing for " + locale, e);
        }
    }

    private String fill(ResourceBundle bundle, Locale locale, String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("template value " + name + " missing in " + values.keySet());
            }
            String format = m.group(2);
            String text = format == null ? value : switch (format) {
                case "date" -> DateTimeFormatter.ofPattern(bundle.getString("format.date"), locale)
                        .format(value.length() == 10 ? LocalDate.parse(value) : Instant.parse(value).atZone(zone).toLocalDate());
                case "datetime" -> DateTimeFormatter.ofPattern(bundle.getString("format.datetime"), locale)
                        .format(Instant.parse(value).atZone(zone));
                default -> DateTimeFormatter.ofPattern(bundle.getString("format.time"), locale)
                        .format(Instant.parse(value).atZone(zone));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }
}
