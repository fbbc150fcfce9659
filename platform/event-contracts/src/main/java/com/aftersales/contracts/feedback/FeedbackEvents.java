package com.aftersales.contracts.feedback;

import com.aftersales.contracts.EventType;
import com.aftersales.contracts.Topics;

import java.util.List;

/** Event types feedback-service publishes, on {@link Topics#FEEDBACK}. */
public final class FeedbackEvents {

    public static final List<EventType<?>> ALL = List.of();

    private FeedbackEvents() {
    }
}
