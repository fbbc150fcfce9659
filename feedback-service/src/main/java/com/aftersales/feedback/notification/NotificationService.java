package com.aftersales.feedback.notification;

import com.aftersales.contracts.feedback.FeedbackEvents;
import com.aftersales.contracts.feedback.NotificationFailed;
import com.aftersales.contracts.feedback.NotificationSent;
import com.aftersales.feedback.customer.CustomerProfile;
import com.aftersales.feedback.customer.CustomerProfiles;
import com.aftersales.feedback.shared.FeedbackMetrics;
import com.aftersales.platform.outbox.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records notices (in the transaction of the event that calls for them) and delivers them: resolves the customer,
 * checks consent, picks the channel, writes the text in the customer's language, sends, and records the attempt with
 * its outcome (sent, retried with back-off, given up), publishing the end state for the ticket's timeline.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final NotificationRepository notices;
    private final CustomerProfiles customers;
    private final Map<ChannelKind, NotificationChannel> channels;
    private final NoticeTemplates templates;
    private final DeliveryPolicy policy;
    private final NotificationProperties properties;
    private final EventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    NotificationService(NotificationRepository notices, CustomerProfiles customers, NotificationConfiguration.EnabledChannels channels,
                        NotificationProperties properties, EventPublisher events, TransactionTemplate transactions,
                        Clock clock, MeterRegistry meters) {
        this.notices = notices;
        this.customers = customers;
        this.channels = new EnumMap<>(ChannelKind.class);
        channels.channels().forEach(c -> this.channels.put(c.kind(), c));
        this.templates = new NoticeTemplates(properties.zone());
        this.policy = properties.policy();
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    /** The channels this instance can send on (configured and enabled). */
    Set<ChannelKind> enabledChannels() {
        return channels.keySet();
    }

    /**
     * A notice is due. Runs in the caller's transaction (the event handler's, the survey hand-over's); a second call
     * for the same source and type is a no-op.
     *
     * @param sourceRef the event id or record that calls for it
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void request(NoticeType type, String sourceRef, UUID customerId, UUID ticketId, UUID returnId,
                        Map<String, String> values) {
        if (notices.insert(UUID.randomUUID(), sourceRef, type, customerId, ticketId, returnId, values, clock.instant())) {
            meters.counter(FeedbackMetrics.NOTIFICATIONS_REQUESTED, "type", type.name()).increment();
        }
    }

    /** Claims the due notices and delivers each; returns how many were attempted. */
    int deliverDue() {
        Instant now = clock.instant();
        List<UUID> due = transactions.execute(s -> notices.claimDue(now, properties.batchSize(), now.plus(properties.claimLease())));
        for (UUID id : due) {
            try {
                deliver(id);
            } catch (RuntimeException e) {
                // left claimed: the lease runs out and it is tried again
                log.error("Delivering notification {} failed unexpectedly", id, e);
            }
        }
        return due.size();
    }

    void deliver(UUID id) {
        Notification n = notices.find(id).orElseThrow();
        if (n.status() != Notification.Status.PENDING) {
            return;
        }
        Instant now = clock.instant();
        UUID customerId = n.customerId() != null ? n.customerId()
                : Optional.ofNullable(n.ticketId()).flatMap(notices::customerOfTicket)
                .or(() -> Optional.ofNullable(n.returnId()).flatMap(notices::returnRef).map(NotificationRepository.ReturnRef::customerId))
                .orElse(null);
        Optional<CustomerProfile> profile = Optional.ofNullable(customerId).flatMap(customers::find);
        if (profile.isEmpty()) {
            // Events of other topics can arrive before the ticket, return or profile: wait for them, not counted as attempts.
            String why = customerId == null ? "whose ticket or return this is is not known yet" : "the customer's profile is not known yet";
            if (now.isBefore(n.createdAt().plus(properties.customerWait()))) {
                transactions.executeWithoutResult(s -> notices.retry(id, n.attempts(), now.plus(policy.backoffAfter(1)),
                        DeliveryPolicy.WAIT_CUSTOMER, DeliveryPolicy.WAIT_CUSTOMER + ": " + why + "; waiting up to "
                                + properties.customerWait(), null));
            } else {
                end(n, customerId, null, Notification.Status.DEAD, n.attempts(), DeliveryPolicy.NO_CUSTOMER,
                        DeliveryPolicy.NO_CUSTOMER + ": " + why + " after " + properties.customerWait(), why, now);
            }
            return;
        }
        CustomerProfile customer = profile.get();
        if (!Boolean.TRUE.equals(customer.contactConsent())) {
            end(n, customerId, null, Notification.Status.SKIPPED, n.attempts(), DeliveryPolicy.NO_CONSENT,
                    DeliveryPolicy.NO_CONSENT + ": the customer did not consent to be contacted; nothing sent", null, now);
            return;
        }
        Map<ChannelKind, String> addresses = new EnumMap<>(ChannelKind.class);
        if (customer.phone() != null) {
            addresses.put(ChannelKind.SMS, customer.phone());
        }
        if (customer.wechatOpenId() != null) {
            addresses.put(ChannelKind.WECHAT, customer.wechatOpenId());
        }
        if (customer.email() != null) {
            addresses.put(ChannelKind.EMAIL, customer.email());
        }
        Optional<DeliveryPolicy.Choice> choice = policy.choose(addresses, enabledChannels());
        if (choice.isEmpty()) {
            end(n, customerId, null, Notification.Status.SKIPPED, n.attempts(), DeliveryPolicy.NO_CONTACT,
                    DeliveryPolicy.NO_CONTACT + ": no enabled channel of " + properties.channelPreference()
                            + " has an address for the customer (has " + addresses.keySet() + ", enabled "
                            + enabledChannels() + "); call the customer instead", null, now);
            return;
        }
        DeliveryPolicy.Choice chosen = choice.get();
        NoticeTemplates.Rendered text = templates.render(n.type(), customer.preferredLanguage(), n.args());
        transactions.executeWithoutResult(s -> notices.resolved(id, customerId, chosen.channel(), chosen.recipient(),
                text.locale().toLanguageTag(), text.subject(), text.body()));
        NotificationChannel.Result result = channels.get(chosen.channel()).send(new NotificationChannel.Outgoing(id,
                chosen.recipient(), text.locale(), text.subject(), text.body()));
        meters.counter(FeedbackMetrics.NOTIFICATIONS_ATTEMPTS, "channel", chosen.channel().name(),
                "outcome", result.outcome().name()).increment();
        finishAttempt(new Notification(n.id(), n.sourceRef(), n.type(), customerId, n.ticketId(), n.returnId(), n.args(),
                n.status(), n.rule(), n.decision(), chosen.channel(), chosen.recipient(), text.locale().toLanguageTag(),
                text.subject(), text.body(), n.attempts(), n.nextAttemptAt(), n.lastError(), n.createdAt(), n.endedAt()),
                customerId, chosen, result, now);
    }

    private void finishAttempt(Notification n, UUID customerId, DeliveryPolicy.Choice chosen,
                               NotificationChannel.Result result, Instant now) {
        int attempt = n.attempts() + 1;
        ChannelKind channel = chosen == null ? null : chosen.channel();
        Instant at = clock.instant();
        transactions.executeWithoutResult(s -> {
            notices.recordAttempt(n.id(), attempt, channel, result.outcome().name(), result.detail(), at);
            switch (result.outcome()) {
                case DELIVERED -> {
                    notices.end(n.id(), Notification.Status.SENT, attempt, DeliveryPolicy.CHANNEL, DeliveryPolicy.CHANNEL
                            + ": sent by " + channel + ", the first of " + properties.channelPreference()
                            + " enabled with an address for the customer; attempt " + attempt, null, at);
                    events.publish(FeedbackEvents.NOTIFICATION_SENT, n.id().toString(), new NotificationSent(n.id(),
                            customerId, n.ticketId(), n.returnId(), n.type().name(), channel.name(), n.language(), attempt, at));
                }
                case REJECTED -> end(n, customerId, channel, Notification.Status.DEAD, attempt, DeliveryPolicy.REJECTED,
                        DeliveryPolicy.REJECTED + ": the " + channel + " provider refused the message for good ("
                                + result.detail() + "); call the customer instead", result.detail(), at);
                case FAILED -> {
                    if (policy.exhausted(attempt)) {
                        end(n, customerId, channel, Notification.Status.DEAD, attempt, DeliveryPolicy.DEAD,
                                DeliveryPolicy.DEAD + ": given up after " + attempt + " attempts (max "
                                        + policy.maxAttempts() + "); last: " + result.detail(), result.detail(), at);
                    } else {
                        Instant next = now.plus(policy.backoffAfter(attempt));
                        notices.retry(n.id(), attempt, next, DeliveryPolicy.RETRY, DeliveryPolicy.RETRY + ": attempt "
                                + attempt + " of " + policy.maxAttempts() + " failed (" + result.detail() + "); next at "
                                + next, result.detail());
                    }
                }
            }
        });
    }

    /** Ends a notice that will not be sent (in its own transaction when called outside one) and publishes it. */
    private void end(Notification n, UUID customerId, ChannelKind channel, Notification.Status status, int attempts,
                     String rule, String decision, String error, Instant at) {
        transactions.executeWithoutResult(s -> {
            if (customerId != null && n.customerId() == null) {
                notices.resolved(n.id(), customerId, channel, n.recipient(), n.language(), n.subject(), n.body());
            }
            notices.end(n.id(), status, attempts, rule, decision, error, at);
            events.publish(FeedbackEvents.NOTIFICATION_FAILED, n.id().toString(), new NotificationFailed(n.id(), customerId,
                    n.ticketId(), n.returnId(), n.type().name(), status.name(), rule,
                    channel == null ? null : channel.name(), attempts, at));
        });
        meters.counter(FeedbackMetrics.NOTIFICATIONS_FAILED, "rule", rule).increment();
    }

    /** A notice with its attempts, for the API. */
    record Listed(Notification notification, List<Notification.Attempt> attempts) {
    }

    @Transactional(readOnly = true)
    List<Listed> list(UUID ticketId, UUID customerId, UUID returnId, Instant afterCreatedAt, UUID afterId, int limit) {
        return notices.list(ticketId, customerId, returnId, afterCreatedAt, afterId, limit).stream()
                .map(n -> new Listed(n, notices.attempts(n.id()))).collect(Collectors.toList());
    }

    @Transactional(readOnly = true)
    Optional<Listed> get(UUID id) {
        return notices.find(id).map(n -> new Listed(n, notices.attempts(n.id())));
    }
}
