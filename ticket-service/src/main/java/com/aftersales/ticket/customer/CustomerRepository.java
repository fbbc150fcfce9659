package com.aftersales.ticket.customer;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Customers in PostgreSQL: phones in their own table (searchable), addresses as JSON (read with the profile). */
@Repository
class CustomerRepository {

    private static final TypeReference<List<Address>> ADDRESSES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CustomerRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Customer customer) {
        jdbc.sql("""
                        insert into customer (id, name, addresses, tier, preferred_language, contact_consent, region_code,
                                              registered_at, updated_at, version, email, wechat_open_id)
                        values (:id, :name, cast(:addresses as jsonb), :tier, :language, :consent, :region,
                                :registeredAt, :updatedAt, 0, :email, :wechat)""")
                .param("email", customer.email())
                .param("wechat", customer.wechatOpenId())
                .param("id", customer.id())
                .param("name", customer.name())
                .param("addresses", json.writeValueAsString(customer.addresses()))
                .param("tier", customer.tier().name())
                .param("language", customer.preferredLanguage())
                .param("consent", customer.contactConsent())
                .param("region", customer.mainAddress() == null ? null : customer.mainAddress().regionCode())
                .param("registeredAt", Timestamp.from(customer.registeredAt()))
                .param("updatedAt", Timestamp.from(customer.updatedAt()))
                .update();
        insertPhones(customer);
    }

    /** Saves a changed customer if nobody saved it since {@code readVersion}. */
    void update(Customer customer, long readVersion) {
        int updated = jdbc.sql("""
                        update customer set name = :name, addresses = cast(:addresses as jsonb), tier = :tier,
                               preferred_language = :language, contact_consent = :consent, region_code = :region,
                               updated_at = :updatedAt, version = version + 1, email = :email, wechat_open_id = :wechat
                        where id = :id and version = :version""")
                .param("email", customer.email())
                .param("wechat", customer.wechatOpenId())
                .param("id", customer.id())
                .param("name", customer.name())
                .param("addresses", json.writeValueAsString(customer.addresses()))
                .param("tier", customer.tier().name())
                .param("language", customer.preferredLanguage())
                .param("consent", customer.contactConsent())
                .param("region", customer.mainAddress() == null ? null : customer.mainAddress().regionCode())
                .param("updatedAt", Timestamp.from(customer.updatedAt()))
                .param("version", readVersion)
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("customer " + customer.id() + " changed since version " + readVersion);
        }
        jdbc.sql("delete from customer_phone where customer_id = :id").param("id", customer.id()).update();
        insertPhones(customer);
    }

    private void insertPhones(Customer customer) {
        for (int i = 0; i < customer.phones().size(); i++) {
            jdbc.sql("insert into customer_phone (customer_id, position, number) values (:id, :position, :number)")
                    .param("id", customer.id()).param("position", i).param("number", customer.phones().get(i))
                    .update();
        }
    }

    Optional<Customer> find(UUID id) {
        return load(jdbc.sql("select * from customer where id = :id").param("id", id).query(this::row).list())
                .stream().findFirst();
    }

    /**
     * Customers matching every given criterion, newest first (registered, then id), after the keyset position
     * ({@code afterRegisteredAt}, {@code afterId}) when it is not null; a null criterion is ignored. {@code store}
     * keeps the customers with a unit sold through that store (a store clerk's scope), before the limit.
     */
    List<Customer> search(String phone, String name, String serialNumber, String store, Instant afterRegisteredAt,
                          UUID afterId, int limit) {
        return load(jdbc.sql("""
                        select c.* from customer c
                        where (cast(:phone as text) is null
                               or exists (select 1 from customer_phone p where p.customer_id = c.id and p.number = :phone))
                          and (cast(:name as text) is null or strpos(lower(c.name), lower(:name)) > 0)
                          and (cast(:serial as text) is null
                               or exists (select 1 from product p where p.customer_id = c.id and p.serial_number = :serial))
                          and (cast(:store as text) is null
                               or exists (select 1 from product p where p.customer_id = c.id and p.store_code = :store))
                          and (cast(:afterId as uuid) is null or (c.registered_at, c.id) < (:afterAt, :afterId))
                        order by c.registered_at desc, c.id desc
                        limit :limit""")
                .param("phone", phone).param("name", name).param("serial", serialNumber).param("store", store)
                .param("afterAt", afterRegisteredAt == null ? null : Timestamp.from(afterRegisteredAt))
                .param("afterId", afterId).param("limit", limit)
                .query(this::row).list());
    }

    private List<Customer> load(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<String>> phones = new LinkedHashMap<>();
        jdbc.sql("select customer_id, number from customer_phone where customer_id = any(:ids) order by customer_id, position")
                .param("ids", rows.stream().map(Row::id).toArray(UUID[]::new))
                .query((rs, n) -> phones.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return rows.stream().map(r -> new Customer(r.id(), r.name(), phones.getOrDefault(r.id(), List.of()),
                json.readValue(r.addresses(), ADDRESSES), r.tier(), r.language(), r.consent(), r.registeredAt(),
                r.updatedAt(), r.version(), r.email(), r.wechatOpenId())).toList();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("addresses"),
                CustomerTier.valueOf(rs.getString("tier")), rs.getString("preferred_language"),
                rs.getBoolean("contact_consent"), rs.getTimestamp("registered_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"), rs.getString("email"),
                rs.getString("wechat_open_id"));
    }

    private record Row(UUID id, String name, String addresses, CustomerTier tier, String language, boolean consent,
                       java.time.Instant registeredAt, java.time.Instant updatedAt, long version, String email,
                       String wechatOpenId) {
    }
}
