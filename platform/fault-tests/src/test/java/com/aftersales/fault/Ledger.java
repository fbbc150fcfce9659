package com.aftersales.fault;

import com.aftersales.contracts.Topics;
import com.aftersales.fault.Workload.Case;
import com.aftersales.fault.Workload.Step;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The end-to-end ledger: from what the workload had accepted, the exact final state every service must hold and the
 * exact events every topic must carry — each fact once (distinct event ids; redelivering the same event is allowed,
 * a second event for the same fact is a duplicate in effect), dispatch's events of a ticket in their lifecycle order.
 */
final class Ledger {

    static final String OPENED = "aftersales.ticket.opened.v1";
    static final String JOB_QUEUED = "aftersales.dispatch.job-queued.v1";
    static final String ASSIGNED = "aftersales.dispatch.technician-assigned.v1";
    static final String SCHEDULED = "aftersales.dispatch.visit-scheduled.v1";
    static final String STARTED = "aftersales.dispatch.visit-started.v1";
    static final String COMPLETED = "aftersales.dispatch.visit-completed.v1";
    static final String SURVEY_ANSWERED = "aftersales.survey.answered.v1";
    static final String RETURN_REQUESTED = "aftersales.return.requested.v1";
    /** The order dispatch publishes a ticket's visit lifecycle in. */
    static final List<String> DISPATCH_ORDER = List.of(JOB_QUEUED, ASSIGNED, SCHEDULED, STARTED, COMPLETED);

    /**
     * @param cases      cases whose ticket was accepted
     * @param correct    of those, the ones whose every service and topic holds exactly the expected state
     * @param duplicates facts recorded more than once (extra event ids, extra rows)
     * @param problems   what is wrong, per case (empty when everything is right)
     */
    record Verdict(int cases, int correct, int duplicates, List<String> problems) {
        boolean allCorrect() {
            return correct == cases && duplicates == 0;
        }
    }

    private final Databases db;
    private final EventLog events;

    Ledger(Databases db, EventLog events) {
        this.db = db;
        this.events = events;
    }

    Verdict verify(List<Case> all) throws SQLException {
        List<Case> cases = all.stream().filter(c -> c.accepted != null && c.accepted.compareTo(Step.OPEN) >= 0).toList();
        if (!events.catchUp()) {
            return new Verdict(cases.size(), 0, 0, List.of("the broker did not answer"));
        }
        List<String> tickets = cases.stream().map(c -> c.ticketId).toList();
        Map<String, String> ticketStatus = db.pairs("ticket", "select id::text, status from ticket where id = any(?)", tickets);
        Map<String, String> jobs = db.pairs("dispatch", "select ticket_id::text, status from dispatch_job where ticket_id = any(?)", tickets);
        Map<String, String> visits = db.pairs("dispatch", "select ticket_id::text, status from visit where ticket_id = any(?)", tickets);
        Map<String, String> surveys = db.pairs("feedback", "select ticket_id::text, status from survey where ticket_id = any(?)", tickets);
        Map<String, String> journeys = db.pairs("feedback", "select ticket_id::text, status from ticket_journey where ticket_id = any(?)", tickets);
        Map<String, String> references = db.pairs("returns", "select ticket_id::text, 'seen' from ticket_reference where ticket_id = any(?)", tickets);
        List<String> products = cases.stream().map(c -> c.productId).filter(Objects::nonNull).toList();
        Map<String, String> returnOrders = db.pairs("returns", "select product_id::text, id::text from return_order where product_id = any(?)", products);

        int correct = 0;
        int duplicates = 0;
        List<String> problems = new ArrayList<>();
        for (Case c : cases) {
            List<String> wrong = new ArrayList<>();
            Step s = c.accepted;
            String t = c.ticketId;
            expect(wrong, "ticket status", ticketStatus.get(t), expectedTicketStatuses(s));
            expect(wrong, "job", jobs.get(t) == null ? null : "present", Set.of("present"));
            expect(wrong, "visit", visits.get(t), expectedVisitStatuses(s));
            expect(wrong, "survey", surveys.get(t), at(s, Step.ANSWER) ? Set.of("ANSWERED") : at(s, Step.COMPLETE) ? Set.of("SCHEDULED", "ANSWERED")
                    : nullSet());
            expect(wrong, "feedback journey", journeys.get(t) == null ? null : "present", Set.of("present"));
            expect(wrong, "returns ticket reference", references.get(t), Set.of("seen"));

            duplicates += count(wrong, Topics.TICKETS, t, OPENED, 1);
            duplicates += count(wrong, Topics.DISPATCH, t, JOB_QUEUED, 1);
            duplicates += count(wrong, Topics.DISPATCH, t, ASSIGNED, at(s, Step.AWAIT_ASSIGNMENT) ? 1 : -1);
            duplicates += count(wrong, Topics.DISPATCH, t, SCHEDULED, at(s, Step.SCHEDULE) ? 1 : 0);
            duplicates += count(wrong, Topics.DISPATCH, t, STARTED, at(s, Step.ON_SITE) ? 1 : 0);
            duplicates += count(wrong, Topics.DISPATCH, t, COMPLETED, at(s, Step.COMPLETE) ? 1 : 0);
            if (c.surveyId != null) {
                duplicates += count(wrong, Topics.FEEDBACK, c.surveyId, SURVEY_ANSWERED, at(s, Step.ANSWER) ? 1 : 0);
            }
            if (c.productId != null) {
                String orders = returnOrders.get(c.productId);
                int rows = orders == null ? 0 : orders.split(",").length;
                int expected = c.returnId != null ? 1 : 0;
                if (rows != expected && !(c.returnId == null && c.withReturn && rows == 1)) {
                    wrong.add("return orders " + rows + ", expected " + expected);
                    duplicates += Math.max(0, rows - 1);
                }
            }
            if (c.returnId != null) {
                duplicates += count(wrong, Topics.RETURNS, c.returnId, RETURN_REQUESTED, 1);
            }
            List<String> order = events.of(Topics.DISPATCH, t).stream().map(EventLog.Event::type)
                    .filter(DISPATCH_ORDER::contains).distinct().toList();
            List<String> sorted = order.stream().sorted(java.util.Comparator.comparingInt(DISPATCH_ORDER::indexOf)).toList();
            if (!order.equals(sorted)) {
                wrong.add("dispatch events out of order: " + order);
            }
            if (wrong.isEmpty()) {
                correct++;
            } else {
                problems.add(c + ": " + String.join("; ", wrong));
            }
        }
        return new Verdict(cases.size(), correct, duplicates, problems);
    }

    /** {@code expected} distinct events of the type, or -1 for "at most one" (a fact that may still be on its way). */
    private int count(List<String> wrong, String topic, String subject, String type, int expected) {
        long found = events.distinct(topic, subject, type);
        boolean ok = expected < 0 ? found <= 1 : found == expected;
        if (!ok) {
            wrong.add(type + " x" + found + ", expected " + (expected < 0 ? "at most 1" : expected));
        }
        return (int) Math.max(0, found - Math.max(1, expected));
    }

    private static boolean at(Step accepted, Step step) {
        return accepted.compareTo(step) >= 0;
    }

    private static Set<String> expectedTicketStatuses(Step s) {
        if (at(s, Step.COMPLETE)) {
            return Set.of("RESOLVED");
        }
        if (at(s, Step.ON_SITE)) {
            return Set.of("ON_SITE");
        }
        if (at(s, Step.AWAIT_ASSIGNMENT)) {
            return Set.of("TECHNICIAN_ASSIGNED");
        }
        return Set.of("AWAITING_TECHNICIAN", "TECHNICIAN_ASSIGNED");
    }

    private static Set<String> expectedVisitStatuses(Step s) {
        if (at(s, Step.COMPLETE)) {
            return Set.of("COMPLETED");
        }
        if (at(s, Step.ON_SITE)) {
            return Set.of("ON_SITE");
        }
        if (at(s, Step.SCHEDULE)) {
            return Set.of("SCHEDULED");
        }
        return nullSet();
    }

    private static Set<String> nullSet() {
        return java.util.Collections.singleton(null);
    }

    private static void expect(List<String> wrong, String what, String actual, Set<String> allowed) {
        if (allowed.stream().noneMatch(a -> Objects.equals(a, actual))) {
            wrong.add(what + " " + actual + ", expected " + allowed);
        }
    }
}
