package com.aftersales.ticket.customer;

import com.aftersales.ticket.shared.TicketMetrics;
import com.aftersales.contracts.customer.CustomerRegistered;
import com.aftersales.contracts.customer.CustomerUpdated;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.platform.outbox.EventPublisher;
import com.aftersales.platform.web.ProblemException;
import com.aftersales.ticket.shared.Versions;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Use cases on customer profiles; each runs in one transaction with the events it publishes. */
@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final EventPublisher events;
    private final Clock clock;
    private final MeterRegistry meters;

    CustomerService(CustomerRepository customers, EventPublisher events, Clock clock, MeterRegistry meters) {
        this.customers = customers;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Customer register(RegisterCustomerRequest request) {
        Instant now = now();
        Customer customer = new Customer(UUID.randomUUID(), request.name(), Customer.normalisedPhones(request.phones()),
                request.addresses() == null ? List.of() : request.addresses().stream().map(AddressRequest::toAddress).toList(),
                request.tier(), request.preferredLanguage() == null ? CustomerLimits.DEFAULT_LANGUAGE : request.preferredLanguage(),
                Boolean.TRUE.equals(request.contactConsent()), now, now, 0, blankToNull(request.email()),
                blankToNull(request.wechatOpenId()));
        customers.insert(customer);
        events.publish(TicketEvents.CUSTOMER_REGISTERED, customer.id().toString(), new CustomerRegistered(customer.id(),
                customer.name(), customer.tier().name(), customer.preferredLanguage(), customer.primaryPhone(),
                customer.contactConsent(), regionCode(customer), customer.registeredAt(), customer.email(),
                customer.wechatOpenId()));
        meters.counter(TicketMetrics.CUSTOMERS_REGISTERED, "tier", customer.tier().name()).increment();
        return customer;
    }

    @Transactional
    public Customer update(UUID id, UpdateCustomerRequest request, String ifMatch) {
        Customer current = require(id);
        Versions.checkIfMatch(ifMatch, current.version(), "customer " + id);
        Customer changed = new Customer(id,
                request.name() != null ? request.name() : current.name(),
                request.phones() != null ? Customer.normalisedPhones(request.phones()) : current.phones(),
                request.addresses() != null ? request.addresses().stream().map(AddressRequest::toAddress).toList() : current.addresses(),
                request.tier() != null ? request.tier() : current.tier(),
                request.preferredLanguage() != null ? request.preferredLanguage() : current.preferredLanguage(),
                request.contactConsent() != null ? request.contactConsent() : current.contactConsent(),
                current.registeredAt(), now(), current.version() + 1,
                request.email() != null ? blankToNull(request.email()) : current.email(),
                request.wechatOpenId() != null ? blankToNull(request.wechatOpenId()) : current.wechatOpenId());
        List<String> changedFields = replicatedChanges(current, changed);
        customers.update(changed, current.version());
        if (!changedFields.isEmpty()) {
            events.publish(TicketEvents.CUSTOMER_UPDATED, id.toString(), new CustomerUpdated(id, changed.name(),
                    changed.tier().name(), changed.preferredLanguage(), changed.primaryPhone(), changed.contactConsent(),
                    regionCode(changed), changedFields, changed.updatedAt(), changed.email(), changed.wechatOpenId()));
        }
        return changed;
    }

    /** The fields other services replicate (those of CustomerRegistered) that differ. */
    private static List<String> replicatedChanges(Customer before, Customer after) {
        List<String> changed = new java.util.ArrayList<>();
        if (!before.name().equals(after.name())) {
            changed.add("name");
        }
        if (before.tier() != after.tier()) {
            changed.add("tier");
        }
        if (!before.preferredLanguage().equals(after.preferredLanguage())) {
            changed.add("preferredLanguage");
        }
        if (!java.util.Objects.equals(before.primaryPhone(), after.primaryPhone())) {
            changed.add("primaryPhone");
        }
        if (before.contactConsent() != after.contactConsent()) {
            changed.add("contactConsent");
        }
        if (!java.util.Objects.equals(regionCode(before), regionCode(after))) {
            changed.add("regionCode");
        }
        if (!java.util.Objects.equals(before.email(), after.email())) {
            changed.add("email");
        }
        if (!java.util.Objects.equals(before.wechatOpenId(), after.wechatOpenId())) {
            changed.add("wechatOpenId");
        }
        return changed;
    }

    private static String regionCode(Customer customer) {
        return customer.mainAddress() == null ? null : customer.mainAddress().regionCode();
    }

    @Transactional(readOnly = true)
    public Optional<Customer> find(UUID id) {
        return customers.find(id);
    }

    @Transactional(readOnly = true)
    public Customer require(UUID id) {
        return customers.find(id).orElseThrow(() -> ProblemException.notFound("customer", id));
    }

    /** Phones are searched in their normalised form, so 138-1234-5678 finds +8613812345678. */
    @Transactional(readOnly = true)
    public List<Customer> search(String phone, String name, String serialNumber, String store,
                                 Instant afterRegisteredAt, UUID afterId, int limit) {
        String normalisedPhone = phone == null ? null : PhoneNumbers.normalise(phone).orElse(phone.strip());
        return customers.search(normalisedPhone, blankToNull(name), blankToNull(serialNumber), store, afterRegisteredAt,
                afterId, limit);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Microseconds: what PostgreSQL keeps, so that a response and a later read agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
