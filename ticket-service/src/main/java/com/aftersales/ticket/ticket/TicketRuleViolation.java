package com.aftersales.ticket.ticket;

/**
 * A command that the ticket's rules refuse in its current state, other than an illegal transition:
 * names the rule so the agent (and the problem response) can say why.
 */
public class TicketRuleViolation extends RuntimeException {

    private final String rule;

    public TicketRuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
