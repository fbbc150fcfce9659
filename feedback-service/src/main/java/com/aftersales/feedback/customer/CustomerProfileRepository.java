package com.aftersales.feedback.customer;

import com.aftersales.contracts.customer.CustomerRegistered;
import com.aftersales.contracts.customer.CustomerUpdated;
import com.aftersales.contracts.ticket.TicketOpened;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The customer projection: written from customer and ticket events, read for surveys and notices. */
@Repository
class CustomerProfileRepository implements CustomerProfiles {

    private final JdbcClient jdbc;

    CustomerProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CustomerProfile> find(UUID customerId) {
        return jdbc.sql("""
                        select customer_id, name, tier, preferred_language, phone, contact_consent, registered_at, email,
                               wechat_open_id
                        from customer_profile where customer_id = :id""")
                .param("id", customerId)
                .query((rs, n) -> new CustomerProfile(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), (Boolean) rs.getObject(6), rs.getTimestamp(7).toInstant(),
                        rs.getString(8), rs.getString(9)))
                .optional();
    }

    void registered(CustomerRegistered c) {
        upsert(new Profile(c.customerId(), c.name(), c.tier(), c.preferredLanguage(), c.primaryPhone(), c.contactConsent(),
                c.regionCode(), c.email(), c.wechatOpenId()), c.registeredAt(), true);
    }

    /** Tier and consent changes take effect for the cadence and the next survey. */
    void updated(CustomerUpdated c) {
        upsert(new Profile(c.customerId(), c.name(), c.tier(), c.preferredLanguage(), c.primaryPhone(), c.contactConsent(),
                c.regionCode(), c.email(), c.wechatOpenId()), c.updatedAt(), false);
    }

    /** What both events carry about a customer. */
    private record Profile(UUID customerId, String name, String tier, String preferredLanguage, String phone,
                           boolean contactConsent, String regionCode, String email, String wechatOpenId) {
    }

    /**
     * One upsert for both events, which may arrive in either order: an update seen first creates the profile (its time
     * stands in for the registration until the registration arrives); only a registration sets registered_at.
     */
    private void upsert(Profile p, Instant at, boolean registration) {
        jdbc.sql("""
                        insert into customer_profile (customer_id, name, tier, preferred_language, phone, contact_consent,
                                                      region_code, registered_at, email, wechat_open_id)
                        values (:id, :name, :tier, :language, :phone, :consent, :region, :at, :email, :wechat)
                        on conflict (customer_id) do update set name = excluded.name, tier = excluded.tier,
                            preferred_language = excluded.preferred_language, phone = excluded.phone,
                            contact_consent = excluded.contact_consent, region_code = excluded.region_code,
                            registered_at = case when :registration then excluded.registered_at
                                                 else customer_profile.registered_at end,
                            email = excluded.email, wechat_open_id = excluded.wechat_open_id""")
                .param("id", p.customerId()).param("name", p.name()).param("tier", p.tier())
                .param("language", p.preferredLanguage()).param("phone", p.phone())
                .param("consent", p.contactConsent()).param("region", p.regionCode())
                .param("email", p.email()).param("wechat", p.wechatOpenId())
                .param("at", Timestamp.from(at)).param("registration", registration)
                .update();
    }

    void ticketOpened(TicketOpened t) {
        if (t.customerTier() == null) {
            return;
        }
        jdbc.sql("update customer_profile set tier = :tier where customer_id = :id and tier is null")
                .param("tier", t.customerTier()).param("id", t.customerId()).update();
    }
}
