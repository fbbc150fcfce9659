package com.aftersales.feedback.quality;

import com.aftersales.contracts.feedback.QualityAlertRaised;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads the quality projection and stores alerts. */
@Repository
class QualityRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    QualityRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    QualityObservations observations() {
        Map<CellKey.UnitGroupKey, Long> units = new HashMap<>();
        jdbc.sql("select model, batch_number, region_code, count(*) from quality_unit group by 1, 2, 3")
                .query(rs -> {
                    units.put(new CellKey.UnitGroupKey(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getLong(4));
                });
        Map<CellKey, Long> failed = new HashMap<>();
        jdbc.sql("""
                        select model, batch_number, region_code, fault_code, count(distinct product_id)
                        from quality_fault_unit group by 1, 2, 3, 4""")
                .query(rs -> {
                    failed.put(new CellKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), rs.getLong(5));
                });
        return new QualityObservations(units, failed);
    }

    List<QualityAlertRaised.SourceCount> sources(CellKey cell) {
        return jdbc.sql("""
                        select source, count(distinct product_id) from quality_fault_unit
                        where model = :model and batch_number = :batch and region_code = :region and fault_code = :code
                        group by source order by source""")
                .params(cellParams(cell))
                .query((rs, n) -> new QualityAlertRaised.SourceCount(rs.getString(1), rs.getLong(2)))
                .list();
    }

    long countUnitsAtRisk(CellKey cell) {
        return jdbc.sql("select count(*) from quality_unit u where " + AT_RISK).params(cellParams(cell))
                .query(Long.class).single();
    }

    /**
     * By serial number, then product id, after the keyset position ({@code afterSerial}, {@code afterProductId}) when
     * it is not null; {@code offset} rows skipped for the deprecated offset paging.
     */
    List<UnitAtRisk> unitsAtRisk(CellKey cell, String afterSerial, UUID afterProductId, long offset, int limit) {
        return jdbc.sql("""
                        select u.product_id, u.serial_number, u.customer_id, u.store_code, u.registered_at
                        from quality_unit u where""" + " " + AT_RISK
                        + (afterProductId == null ? "" : " and (u.serial_number, u.product_id) > (:afterSerial, :afterProduct)")
                        + " order by u.serial_number, u.product_id limit :limit offset :offset")
                .params(cellParams(cell)).param("afterSerial", afterSerial).param("afterProduct", afterProductId)
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new UnitAtRisk(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Registered in the cell's model, batch and region, and not (yet) failed with its fault code. */
    private static final String AT_RISK = """
            u.model = :model and u.batch_number = :batch and u.region_code = :region
            and not exists (select 1 from quality_fault_unit f where f.product_id = u.product_id and f.fault_code = :code)""";

    private static Map<String, Object> cellParams(CellKey cell) {
        return Map.of("model", cell.model(), "batch", cell.batchNumber(), "region", cell.regionCode(), "code", cell.faultCode());
    }

    /** @return false if the cell already has an alert (raised by an earlier or concurrent scan) */
    boolean insertAlert(QualityAlertRaised alert) {
        return jdbc.sql("""
                        insert into quality_alert (id, model, batch_number, region_code, fault_code, evidence, raised_at)
                        values (:id, :model, :batch, :region, :code, cast(:evidence as jsonb), :at)
                        on conflict (model, batch_number, region_code, fault_code) do nothing""")
                .param("id", alert.alertId()).param("model", alert.model()).param("batch", alert.batchNumber())
                .param("region", alert.regionCode()).param("code", alert.faultCode())
                .param("evidence", json.writeValueAsString(alert)).param("at", Timestamp.from(alert.raisedAt()))
                .update() == 1;
    }

    boolean alertExists(CellKey cell) {
        return jdbc.sql("""
                        select count(*) from quality_alert
                        where model = :model and batch_number = :batch and region_code = :region and fault_code = :code""")
                .params(cellParams(cell)).query(Long.class).single() > 0;
    }

    Optional<QualityAlertRaised> alert(UUID id) {
        return jdbc.sql("select evidence::text from quality_alert where id = :id").param("id", id)
                .query((rs, n) -> json.readValue(rs.getString(1), QualityAlertRaised.class)).optional();
    }

    /** An alert and when it was raised, the key of the alert list. */
    record ListedAlert(QualityAlertRaised alert, java.time.Instant raisedAt, UUID id) {
    }

    /** Newest first (raised, then id), after the keyset position ({@code afterRaisedAt}, {@code afterId}) if any. */
    List<ListedAlert> alerts(java.time.Instant afterRaisedAt, UUID afterId, int limit) {
        return jdbc.sql("select evidence::text, raised_at, id from quality_alert"
                        + (afterId == null ? "" : " where (raised_at, id) < (:afterAt, :afterId)")
                        + " order by raised_at desc, id desc limit :limit")
                .param("afterAt", afterRaisedAt == null ? null : Timestamp.from(afterRaisedAt)).param("afterId", afterId)
                .param("limit", limit)
                .query((rs, n) -> new ListedAlert(json.readValue(rs.getString(1), QualityAlertRaised.class),
                        rs.getTimestamp(2).toInstant(), rs.getObject(3, UUID.class))).list();
    }

    long alertCount() {
        return jdbc.sql("select count(*) from quality_alert").query(Long.class).single();
    }
}
