package com.aftersales.ticket.call;

import com.aftersales.platform.web.ProblemException;
import com.aftersales.ticket.customer.CustomerService;
import com.aftersales.ticket.customer.PhoneNumbers;
import com.aftersales.ticket.knowledge.KnowledgeService;
import com.aftersales.ticket.shared.TicketMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Logs calls without a registered unit and keeps their promised call-backs. */
@Service
public class CallService {

    private final CallRepository calls;
    private final CustomerService customers;
    private final KnowledgeService knowledge;
    private final Clock clock;
    private final MeterRegistry meters;

    CallService(CallRepository calls, CustomerService customers, KnowledgeService knowledge, Clock clock, MeterRegistry meters) {
        this.calls = calls;
        this.customers = customers;
        this.knowledge = knowledge;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional
    public CallView log(LogCallRequest request, String loggedBy) {
        if (request.customerId() != null) {
            customers.require(request.customerId());
        }
        if (request.articleId() != null) {
            knowledge.require(request.articleId());
        }
        String phone = request.callerPhone() == null || request.callerPhone().isBlank() ? null
                : PhoneNumbers.normalise(request.callerPhone()).orElse(request.callerPhone().strip());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CallRecord call = new CallRecord(UUID.randomUUID(), request.customerId(), blankToNull(request.callerName()), phone,
                request.topic(), blankToNull(request.category()), blankToNull(request.model()), request.question(),
                blankToNull(request.answer()), request.outcome(), request.articleId(),
                request.callbackDueAt() == null ? null : request.callbackDueAt().truncatedTo(ChronoUnit.MICROS), loggedBy, now);
        calls.insert(call);
        meters.counter(TicketMetrics.CALLS_LOGGED, "topic", call.topic().name(), "outcome", call.outcome().name()).increment();
        return require(call.id());
    }

    @Transactional(readOnly = true)
    public CallView require(UUID id) {
        return calls.find(id).orElseThrow(() -> ProblemException.notFound("call", id));
    }

    /** The promised call-back was made; a second time, or for a call that promised none, is a conflict. */
    @Transactional
    public CallView completeCallback(UUID id, String by, String note) {
        CallView call = require(id);
        if (!calls.completeCallback(id, by, blankToNull(note), clock.instant().truncatedTo(ChronoUnit.MICROS))) {
            throw ProblemException.conflict(call.outcome() != CallOutcome.CALLBACK_PROMISED
                    ? "Call " + id + " promised no call-back" : "The call-back of call " + id + " was already made")
                    .localized(call.outcome() != CallOutcome.CALLBACK_PROMISED ? "detail.call-no-callback" : "detail.call-callback-done", id);
        }
        return require(id);
    }

    @Transactional(readOnly = true)
    public List<CallView> list(UUID customerId, String callerPhone, CallTopic topic, Instant from, Instant to,
                               boolean openCallbacks, Instant afterAt, UUID afterId, int limit) {
        String phone = callerPhone == null || callerPhone.isBlank() ? null
                : PhoneNumbers.normalise(callerPhone).orElse(callerPhone.strip());
        return calls.list(customerId, phone, topic, from, to, openCallbacks, afterAt, afterId, limit);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
