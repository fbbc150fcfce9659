package com.aftersales.ticket.ticket;

import com.aftersales.platform.web.ProblemMessages;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Writes a timeline entry in the language the API client asked for (Accept-Language, as problems do): an entry with
 * a message key is rendered from {@code timeline_zh.properties} for Chinese; English, and entries without a key
 * (text a person typed), show the stored reason.
 */
final class TimelineLanguage {

    static final String BUNDLE = "timeline";

    private TimelineLanguage() {
    }

    static String reason(TimelineEntry entry) {
        return reason(entry, requestLocale());
    }

    static String reason(TimelineEntry entry, Locale locale) {
        if (entry.reasonKey() == null || !ProblemMessages.CHINESE.getLanguage().equals(locale.getLanguage())) {
            return entry.reason();
        }
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, ProblemMessages.CHINESE,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Object[] args = entry.reasonArgs().stream()
                    .map(a -> a.startsWith("§") && bundle.containsKey(a.substring(1)) ? bundle.getString(a.substring(1)) : a)
                    .toArray();
            return new MessageFormat(bundle.getString(entry.reasonKey()), ProblemMessages.CHINESE).format(args);
        } catch (MissingResourceException | IllegalArgumentException e) {
            return entry.reason();
        }
    }

    private static Locale requestLocale() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            return ProblemMessages.resolve(servlet.getRequest().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        }
        return ProblemMessages.ENGLISH;
    }
}
