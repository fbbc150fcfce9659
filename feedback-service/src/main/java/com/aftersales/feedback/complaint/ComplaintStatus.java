package com.aftersales.feedback.complaint;

import java.util.EnumSet;
import java.util.Set;

/** The complaint handling workflow of the brief; each status names where it may go next. */
public enum ComplaintStatus {
    OPEN, ACKNOWLEDGED, INVESTIGATING, PROPOSED, RESOLVED, ESCALATED, CLOSED;

    Set<ComplaintStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(ACKNOWLEDGED, ESCALATED);
            case ACKNOWLEDGED -> EnumSet.of(INVESTIGATING, ESCALATED);
            case INVESTIGATING -> EnumSet.of(PROPOSED, ESCALATED);
            // The customer may refuse the offer (escalate) or bring new facts (investigate again).
            case PROPOSED -> EnumSet.of(RESOLVED, ESCALATED, INVESTIGATING);
            case ESCALATED -> EnumSet.of(INVESTIGATING, PROPOSED, CLOSED);
            case RESOLVED -> EnumSet.of(CLOSED, ESCALATED);
            case CLOSED -> EnumSet.noneOf(ComplaintStatus.class);
        };
    }

    boolean isOpen() {
        return this != CLOSED;
    }
}
