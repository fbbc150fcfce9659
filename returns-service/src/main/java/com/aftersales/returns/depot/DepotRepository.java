package com.aftersales.returns.depot;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Depots and depot repair orders in PostgreSQL; repair updates are guarded by the version column. */
@Repository
class DepotRepository {

    private static final TypeReference<List<DepotRepair.Step>> HISTORY = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DepotRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @return false when a depot with this code exists */
    boolean insert(Depot d) {
        return jdbc.sql("""
                        insert into depot (code, name, kind, categories, turnaround_days, active, created_at)
                        values (:code, :name, :kind, :categories, :turnaround, :active, :createdAt) on conflict (code) do nothing""")
                .param("code", d.code()).param("name", d.name()).param("kind", d.kind().name())
                .param("categories", d.categories().stream().sorted().toArray(String[]::new))
                .param("turnaround", d.turnaroundDays()).param("active", d.active())
                .param("createdAt", Timestamp.from(d.createdAt()))
                .update() == 1;
    }

    Optional<Depot> depot(String code) {
        return jdbc.sql("select * from depot where code = :code").param("code", code).query(DepotRepository::mapDepot).optional();
    }

    List<Depot> depots() {
        return jdbc.sql("select * from depot order by code").query(DepotRepository::mapDepot).list();
    }

    void insert(DepotRepair r) {
        jdbc.sql("""
                        insert into depot_repair (id, depot_code, return_id, ticket_id, request_id, serial_number, model, category,
                               fault_description, status, promised_by, at_risk_raised, history, created_at, updated_at, version)
                        values (:id, :depot, :returnId, :ticketId, :requestId, :serial, :model, :category, :fault, :status,
                                :promisedBy, :atRisk, cast(:history as jsonb), :createdAt, :updatedAt, 0)""")
                .param("id", r.id()).param("depot", r.depotCode()).param("returnId", r.returnId())
                .param("ticketId", r.ticketId()).param("requestId", r.requestId()).param("serial", r.serialNumber())
                .param("model", r.model()).param("category", r.category()).param("fault", r.faultDescription())
                .param("status", r.status().name()).param("promisedBy", r.promisedBy()).param("atRisk", r.atRiskRaisedAlready())
                .param("history", json.writeValueAsString(r.history()))
                .param("createdAt", Timestamp.from(r.createdAt())).param("updatedAt", Timestamp.from(r.updatedAt()))
                .update();
    }

    void update(DepotRepair r) {
        int updated = jdbc.sql("""
                        update depot_repair set status = :status, at_risk_raised = :atRisk, history = cast(:history as jsonb),
                               updated_at = :updatedAt, version = version + 1 where id = :id and version = :version""")
                .param("status", r.status().name()).param("atRisk", r.atRiskRaisedAlready())
                .param("history", json.writeValueAsString(r.history())).param("updatedAt", Timestamp.from(r.updatedAt()))
                .param("id", r.id()).param("version", r.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("depot repair " + r.id() + " changed since version " + r.version());
        }
    }

    Optional<DepotRepair> repair(UUID id) {
        return jdbc.sql("select * from depot_repair where id = :id").param("id", id).query(this::mapRepair).optional();
    }

    Optional<DepotRepair> repairForUpdate(UUID id) {
        return jdbc.sql("select * from depot_repair where id = :id for update").param("id", id).query(this::mapRepair).optional();
    }

    boolean requestExists(UUID requestId) {
        return jdbc.sql("select count(*) from depot_repair where request_id = :id").param("id", requestId)
                .query(Long.class).single() > 0;
    }

    boolean openForReturn(UUID returnId) {
        return jdbc.sql("select count(*) from depot_repair where return_id = :id").param("id", returnId)
                .query(Long.class).single() > 0;
    }

    /** Newest first (created, then id), after the keyset position ({@code afterCreatedAt}, {@code afterId}) if any. */
    List<DepotRepair> repairs(String depotCode, Instant afterCreatedAt, UUID afterId, int limit) {
        return jdbc.sql("""
                        select * from depot_repair where (cast(:depot as text) is null or depot_code = :depot)
                          and (cast(:afterId as uuid) is null or (created_at, id) < (:afterAt, :afterId))
                        order by created_at desc, id desc limit :limit""")
                .param("depot", depotCode)
                .param("afterAt", afterCreatedAt == null ? null : Timestamp.from(afterCreatedAt))
                .param("afterId", afterId).param("limit", limit).query(this::mapRepair).list();
    }

    /** Open repairs promised by {@code horizon} that have not raised their at-risk event; locked, skipping held rows. */
    List<DepotRepair> openPromisedBy(LocalDate horizon, int limit) {
        return jdbc.sql("""
                        select * from depot_repair where status not in ('REPAIRED', 'SHIPPED_BACK') and not at_risk_raised
                          and promised_by <= :horizon order by promised_by limit :limit for update skip locked""")
                .param("horizon", horizon).param("limit", limit).query(this::mapRepair).list();
    }

    long late(LocalDate today) {
        return jdbc.sql("select count(*) from depot_repair where status not in ('REPAIRED', 'SHIPPED_BACK') and promised_by < :today")
                .param("today", today).query(Long.class).single();
    }

    private static Depot mapDepot(ResultSet rs, int row) throws SQLException {
        Array categories = rs.getArray("categories");
        return new Depot(rs.getString("code"), rs.getString("name"), DepotKind.valueOf(rs.getString("kind")),
                Set.of((String[]) categories.getArray()), rs.getInt("turnaround_days"), rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant());
    }

    private DepotRepair mapRepair(ResultSet rs, int row) throws SQLException {
        return new DepotRepair(rs.getObject("id", UUID.class), rs.getString("depot_code"), rs.getObject("return_id", UUID.class),
                rs.getObject("ticket_id", UUID.class), rs.getObject("request_id", UUID.class), rs.getString("serial_number"),
                rs.getString("model"), rs.getString("category"), rs.getString("fault_description"),
                rs.getObject("promised_by", LocalDate.class), DepotRepairStatus.valueOf(rs.getString("status")),
                rs.getBoolean("at_risk_raised"), json.readValue(rs.getString("history"), HISTORY),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
