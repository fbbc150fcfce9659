package com.aftersales.returns.policy;

import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A decision in the language of the API client (Accept-Language, any zh range Chinese, as problems): rule descriptions
 * and the explanation a clerk reads to the customer, from {@code policy-rules_zh.properties}. English answers are the
 * decision as stored. A rule the bundle does not know yet is shown by its code, never in English.
 */
final class PolicyLanguage {

    static final String BUNDLE = "policy-rules";

    private PolicyLanguage() {
    }

    static boolean chineseRequested() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            String header = servlet.getRequest().getHeader(HttpHeaders.ACCEPT_LANGUAGE);
            return com.aftersales.platform.web.ProblemMessages.CHINESE.equals(com.aftersales.platform.web.ProblemMessages.resolve(header));
        }
        return false;
    }

    static ResourceBundle chinese() {
        return ResourceBundle.getBundle(BUNDLE, Locale.SIMPLIFIED_CHINESE,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static String word(ResourceBundle bundle, String key, String code) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return code;
        }
    }

    static String format(ResourceBundle bundle, String key, Object... args) {
        return new MessageFormat(bundle.getString(key), Locale.SIMPLIFIED_CHINESE).format(args);
    }
}
