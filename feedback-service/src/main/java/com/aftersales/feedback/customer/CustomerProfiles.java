package com.aftersales.feedback.customer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

/** Reads the customer projection. */
@Repository
public class CustomerProfiles {

    private final JdbcClient jdbc;

    CustomerProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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
}
