package com.aftersales.feedback.customer;

import com.aftersales.contracts.Topics;
import com.aftersales.contracts.customer.CustomerRegistered;
import com.aftersales.contracts.customer.CustomerUpdated;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.platform.inbox.EventHandlers;
import com.aftersales.platform.inbox.InboundEventProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/** Projects customer profiles; a ticket's customerTier (v1.1) refreshes the tier if the profile has none. */
@Component
class CustomerProfileListener {

    static final String GROUP = "feedback-service.customers";

    private final InboundEventProcessor inbound;
    private final JdbcClient jdbc;
    private final EventHandlers handlers;

    CustomerProfileListener(InboundEventProcessor inbound, JdbcClient jdbc) {
        this.inbound = inbound;
        this.jdbc = jdbc;
        this.handlers = EventHandlers.builder()
                .on(TicketEvents.CUSTOMER_REGISTERED, e -> registered(e.data()))
                .on(TicketEvents.CUSTOMER_UPDATED, e -> updated(e.data()))
                .on(TicketEvents.TICKET_OPENED, e -> ticketOpened(e.data()))
                .build();
    }

    @KafkaListener(topics = Topics.TICKETS, groupId = GROUP)
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.process(record, handlers);
    }

    private void registered(CustomerRegistered c) {
        jdbc.sql("""
                        insert into customer_profile (customer_id, name, tier, preferred_language, phone, contact_consent,
                                                      region_code, registered_at, email, wechat_open_id)
                        values (:id, :name, :tier, :language, :phone, :consent, :region, :at, :email, :wechat)
                        on conflict (customer_id) do update set name = excluded.name, tier = excluded.tier,
                            preferred_language = excluded.preferred_language, phone = excluded.phone,
                            contact_consent = excluded.contact_consent, region_code = excluded.region_code,
                            registered_at = excluded.registered_at, email = excluded.email,
                            wechat_open_id = excluded.wechat_open_id""")
                .param("email", c.email()).param("wechat", c.wechatOpenId())
                .param("id", c.customerId()).param("name", c.name()).param("tier", c.tier())
                .param("language", c.preferredLanguage()).param("phone", c.primaryPhone())
                .param("consent", c.contactConsent()).param("region", c.regionCode())
                .param("at", Timestamp.from(c.registeredAt()))
                .update();
    }

    /** Tier and consent changes take effect for the cadence and the next survey. */
    private void updated(CustomerUpdated c) {
        jdbc.sql("""
                        insert into customer_profile (customer_id, name, tier, preferred_language, phone, contact_consent,
                                                      region_code, registered_at, email, wechat_open_id)
                        values (:id, :name, :tier, :language, :phone, :consent, :region, :at, :email, :wechat)
                        on conflict (customer_id) do update set name = excluded.name, tier = excluded.tier,
                            preferred_language = excluded.preferred_language, phone = excluded.phone,
                            contact_consent = excluded.contact_consent, region_code = excluded.region_code,
                            email = excluded.email, wechat_open_id = excluded.wechat_open_id""")
                .param("email", c.email()).param("wechat", c.wechatOpenId())
                .param("id", c.customerId()).param("name", c.name()).param("tier", c.tier())
                .param("language", c.preferredLanguage()).param("phone", c.primaryPhone())
                .param("consent", c.contactConsent()).param("region", c.regionCode())
                .param("at", Timestamp.from(c.updatedAt()))
                .update();
    }

    private void ticketOpened(TicketOpened t) {
        if (t.customerTier() == null) {
            return;
        }
        jdbc.sql("update customer_profile set tier = :tier where customer_id = :id and tier is null")
                .param("tier", t.customerTier()).param("id", t.customerId()).update();
    }
}
