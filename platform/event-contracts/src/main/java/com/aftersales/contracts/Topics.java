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

    /** Prefix of the partner-scoped topics; broker ACLs grant each partner its own prefix only. */
    public static final String PARTNER_PREFIX = "aftersales.partner.";

    /**
     * The topic a partner depot reads the work meant for it from, e.g. {@code aftersales.partner.sh-depot-01.v1}.
     *
     * @param depotCode lower-case letters, digits and '-'
     */
    public static String partnerTopic(String depotCode) {
        if (depotCode == null || !depotCode.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("depot code must be lower-case letters, digits and '-': " + depotCode);
        }
        return PARTNER_PREFIX + depotCode + ".v1";
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
