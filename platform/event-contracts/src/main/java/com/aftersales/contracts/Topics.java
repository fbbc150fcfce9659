package com.aftersales.contracts;

/**
 * Kafka topics of the platform. Each topic belongs to one producing service; records are keyed by
 * the aggregate id (the ticket id for ticket and dispatch events) so that the events of one ticket
 * stay in order on one partition.
 */
public final class Topics {

    public static final String TICKETS = "aftersales.tickets.v1";
    public static final String DISPATCH = "aftersales.dispatch.v1";
    public static final String RETURNS = "aftersales.returns.v1";
    public static final String FEEDBACK = "aftersales.feedback.v1";

    /** Every topic the platform's services publish to, in a stable order. */
    public static final java.util.List<String> ALL = java.util.List.of(TICKETS, DISPATCH, RETURNS, FEEDBACK);

    /** Records that failed processing after bounded retries land here, per source topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    public static boolean isDeadLetter(String topic) {
        return topic.endsWith(DEAD_LETTER_SUFFIX);
    }

    public static String sourceOfDeadLetter(String deadLetterTopic) {
        if (!isDeadLetter(deadLetterTopic)) {
            throw new IllegalArgumentException(deadLetterTopic + " is not a dead-letter topic");
        }
        return deadLetterTopic.substring(0, deadLetterTopic.length() - DEAD_LETTER_SUFFIX.length());
    }
}
