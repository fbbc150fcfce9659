package com.aftersales.ticket.call;

/** How the call ended. */
public enum CallOutcome {
    /** Answered during the call. */
    ANSWERED,
    /** Answered with a knowledge article (named in the record). */
    ARTICLE_SHARED,
    /** Someone calls the customer back by {@code callbackDueAt}. */
    CALLBACK_PROMISED,
    /** Passed on to a store or another team. */
    REFERRED
}
