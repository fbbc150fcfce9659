package com.aftersales.ticket.ticket;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** Intake's texts for the caller in English or Chinese ({@code intake-texts[_zh].properties}). */
@Component
class IntakeTexts {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    IntakeTexts() {
        messages.setBasenames("intake-texts");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    /** The repeat call with its reason in the caller's language. */
    TicketService.RepeatCall explain(TicketService.RepeatCall call, Locale locale) {
        return call.explained(messages.getMessage("repeat-call.reason", new Object[] {call.rule(),
                call.openTicketId().toString(), call.openTicketStatus().name(), call.model(), call.serialNumber()}, locale));
    }
}
