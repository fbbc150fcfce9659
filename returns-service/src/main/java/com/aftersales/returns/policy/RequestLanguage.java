package com.aftersales.returns.policy;

import com.aftersales.platform.web.ProblemMessages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Locale;

/** The language of the current request's reader: Chinese for any zh range in Accept-Language, else English. */
public final class RequestLanguage {

    private RequestLanguage() {
    }

    public static Locale current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return ProblemMessages.resolve(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        }
        return ProblemMessages.ENGLISH;
    }
}
