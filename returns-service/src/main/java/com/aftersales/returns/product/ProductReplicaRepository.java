package com.aftersales.returns.product;

import com.aftersales.contracts.product.ProductFacts;
import com.aftersales.contracts.warranty.WarrantyTerms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The {@code product_replica} table: upserted from product events, read by serial number. */
@Repository
class ProductReplicaRepository implements ProductReplica {

    private final JdbcClient jdbc;
    private final WarrantyTerms terms;

    ProductReplicaRepository(JdbcClient jdbc, WarrantyTerms terms) {
        this.jdbc = jdbc;
        this.terms = terms;
    }

    /**
     * Keeps the newest state: an event older than what is stored (redelivered or reordered) changes nothing.
     *
     * @return whether the row changed
     */
    boolean upsert(ProductFacts p, Instant asOf) {
        return jdbc.sql("""
                        insert into product_replica (product_id, customer_id, serial_number, model, category, batch_number,
                               purchase_date, store_code, receipt_number, price_type, custom_made, warranty_card_present,
                               sold_by_us, install_region_code, installation_date, as_of, salesperson_code, sale_price)
                        values (:id, :customer, :serial, :model, :category, :batch, :purchaseDate, :store, :receipt, :priceType,
                                :customMade, :card, :soldByUs, :region, :installed, :asOf, :salesperson, :salePrice)
                        on conflict (product_id) do update set customer_id = excluded.customer_id,
                               serial_number = excluded.serial_number, model = excluded.model, category = excluded.category,
                               batch_number = excluded.batch_number, purchase_date = excluded.purchase_date,
                               store_code = excluded.store_code, receipt_number = excluded.receipt_number,
                               price_type = excluded.price_type, custom_made = excluded.custom_made,
                               warranty_card_present = excluded.warranty_card_present, sold_by_us = excluded.sold_by_us,
                               install_region_code = excluded.install_region_code,
                               installation_date = excluded.installation_date, as_of = excluded.as_of,
                               salesperson_code = excluded.salesperson_code, sale_price = excluded.sale_price
                        where product_replica.as_of <= excluded.as_of""")
                .param("id", p.productId())
                .param("customer", p.customerId())
                .param("serial", p.serialNumber())
                .param("model", p.model())
                .param("category", terms.canonical(p.category()))
                .param("batch", p.batchNumber())
                .param("purchaseDate", p.purchaseDate())
                .param("store", p.storeCode())
                .param("receipt", p.receiptNumber())
                .param("priceType", p.priceType())
                .param("customMade", p.customMade())
                .param("card", p.warrantyCardPresent())
                .param("soldByUs", p.soldByUs())
                .param("region", p.installRegionCode())
                .param("installed", p.installationDate())
                .param("asOf", Timestamp.from(asOf))
                .param("salesperson", p.salespersonCode())
                .param("salePrice", p.salePrice())
                .update() == 1;
    }

    /** The unit with this serial; if a serial was registered twice, the most recently reported one. */
    @Override
    public Optional<ProductSnapshot> bySerial(String serialNumber) {
        return jdbc.sql("select * from product_replica where serial_number = :serial order by as_of desc limit 1")
                .param("serial", serialNumber).query(ProductReplicaRepository::map).optional();
    }

    @Override
    public Optional<ProductSnapshot> byId(UUID productId) {
        return jdbc.sql("select * from product_replica where product_id = :id")
                .param("id", productId).query(ProductReplicaRepository::map).optional();
    }

    private static ProductSnapshot map(ResultSet rs, int row) throws SQLException {
        return new ProductSnapshot(rs.getObject("product_id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getString("serial_number"), rs.getString("model"), rs.getString("category"), rs.getString("batch_number"),
                rs.getObject("purchase_date", java.time.LocalDate.class), rs.getString("store_code"), rs.getString("price_type"),
                rs.getBoolean("custom_made"), rs.getBoolean("warranty_card_present"), rs.getBoolean("sold_by_us"),
                rs.getString("install_region_code"), rs.getTimestamp("as_of").toInstant(),
                rs.getObject("installation_date", java.time.LocalDate.class), rs.getString("salesperson_code"));
    }
}
