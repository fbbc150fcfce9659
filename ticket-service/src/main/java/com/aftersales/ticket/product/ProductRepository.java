package com.aftersales.ticket.product;

import com.aftersales.ticket.customer.Address;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Registered products in PostgreSQL; (model, serial_number) is unique. */
@Repository
class ProductRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProductRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts the unit unless its model and serial are taken; false when they are. */
    boolean insertIfSerialFree(RegisteredProduct p) {
        return bind(jdbc.sql("""
                        insert into product (id, customer_id, serial_number, model, category, batch_number, purchase_date,
                                             store_code, receipt_number, price_type, custom_made, warranty_card_present,
                                             sold_by_us, install_address, installation_date, registered_at, updated_at,
                                             version, salesperson_code, sale_price, sale_currency)
                        values (:id, :customerId, :serial, :model, :category, :batch, :purchaseDate, :store, :receipt,
                                :priceType, :customMade, :warrantyCard, :soldByUs, cast(:installAddress as jsonb),
                                :installationDate, :registeredAt, :updatedAt, 0, :salesperson, :salePrice, :saleCurrency)
                        on conflict (model, serial_number) do nothing"""), p)
                .param("customerId", p.customerId())
                .param("serial", p.serialNumber())
                .param("model", p.model())
                .param("registeredAt", Timestamp.from(p.registeredAt()))
                .update() == 1;
    }

    void update(RegisteredProduct p, long readVersion) {
        int updated = bind(jdbc.sql("""
                        update product set category = :category, batch_number = :batch, purchase_date = :purchaseDate,
                               store_code = :store, receipt_number = :receipt, price_type = :priceType,
                               custom_made = :customMade, warranty_card_present = :warrantyCard, sold_by_us = :soldByUs,
                               install_address = cast(:installAddress as jsonb), installation_date = :installationDate,
                               updated_at = :updatedAt, salesperson_code = :salesperson, sale_price = :salePrice,
                               sale_currency = :saleCurrency,
                               version = version + 1
                        where id = :id and version = :version"""), p)
                .param("version", readVersion)
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("product " + p.id() + " changed since version " + readVersion);
        }
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, RegisteredProduct p) {
        return spec.param("id", p.id())
                .param("category", p.category())
                .param("batch", p.batchNumber())
                .param("purchaseDate", Date.valueOf(p.purchaseDate()))
                .param("store", p.storeCode())
                .param("receipt", p.receiptNumber())
                .param("priceType", p.priceType().name())
                .param("customMade", p.customMade())
                .param("warrantyCard", p.warrantyCardPresent())
                .param("soldByUs", p.soldByUs())
                .param("installAddress", p.installAddress() == null ? null : json.writeValueAsString(p.installAddress()))
                .param("installationDate", p.installationDate() == null ? null : Date.valueOf(p.installationDate()))
                .param("updatedAt", Timestamp.from(p.updatedAt()))
                .param("salesperson", p.sale() == null ? null : p.sale().salespersonCode())
                .param("salePrice", p.sale() == null ? null : p.sale().price())
                .param("saleCurrency", p.sale() == null ? null : p.sale().currency());
    }

    Optional<RegisteredProduct> find(UUID id) {
        return jdbc.sql("select * from product where id = :id").param("id", id).query(this::map).optional();
    }

    Optional<RegisteredProduct> findByModelAndSerial(String model, String serial) {
        return jdbc.sql("select * from product where model = :model and serial_number = :serial")
                .param("model", model).param("serial", serial).query(this::map).optional();
    }

    List<RegisteredProduct> findBySerial(String serial) {
        return jdbc.sql("select * from product where serial_number = :serial order by registered_at, id")
                .param("serial", serial).query(this::map).list();
    }

    List<RegisteredProduct> findByCustomer(UUID customerId) {
        return jdbc.sql("select * from product where customer_id = :customerId order by registered_at, id")
                .param("customerId", customerId).query(this::map).list();
    }

    /** The unit's tickets, newest first: read straight from the ticket table so products need no ticket code. */
    List<ProductView.ServiceRecord> serviceHistory(UUID productId, int limit) {
        return jdbc.sql("""
                        select id, ticket_type, status, opened_at, fault_category, fault_description from ticket
                        where product_id = :productId order by opened_at desc, id limit :limit""")
                .param("productId", productId).param("limit", limit)
                .query((rs, n) -> new ProductView.ServiceRecord(rs.getObject("id", UUID.class), rs.getString("ticket_type"),
                        rs.getString("status"), rs.getTimestamp("opened_at").toInstant(), rs.getString("fault_category"),
                        rs.getString("fault_description")))
                .list();
    }

    private RegisteredProduct map(ResultSet rs, int row) throws SQLException {
        String address = rs.getString("install_address");
        return new RegisteredProduct(
                rs.getObject("id", UUID.class),
                rs.getObject("customer_id", UUID.class),
                rs.getString("serial_number"),
                rs.getString("model"),
                rs.getString("category"),
                rs.getString("batch_number"),
                rs.getDate("purchase_date").toLocalDate(),
                rs.getString("store_code"),
                rs.getString("receipt_number"),
                PriceType.valueOf(rs.getString("price_type")),
                rs.getBoolean("custom_made"),
                rs.getBoolean("warranty_card_present"),
                rs.getBoolean("sold_by_us"),
                address == null ? null : json.readValue(address, Address.class),
                rs.getDate("installation_date") == null ? null : rs.getDate("installation_date").toLocalDate(),
                instant(rs, "registered_at"),
                instant(rs, "updated_at"),
                rs.getLong("version"),
                rs.getString("salesperson_code") == null && rs.getBigDecimal("sale_price") == null ? null
                        : new RegisteredProduct.Sale(rs.getString("salesperson_code"), rs.getBigDecimal("sale_price"),
                        rs.getString("sale_currency")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
