package com.aftersales.dispatch.parts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class PartsRepository {

    private final JdbcClient jdbc;

    PartsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void upsertCatalogue(String partNumber, PartsRequests.CataloguePart part) {
        jdbc.sql("""
                        insert into part_catalogue (part_number, description, unit_cost, unit_price, warranty_part)
                        values (:p, :d, :c, :u, :w)
                        on conflict (part_number) do update set description = excluded.description,
                            unit_cost = excluded.unit_cost, unit_price = excluded.unit_price,
                            warranty_part = excluded.warranty_part""")
                .param("p", partNumber).param("d", part.description()).param("c", part.unitCost()).param("u", part.unitPrice())
                .param("w", part.warrantyPart())
                .update();
    }

    Optional<Map<String, Object>> cataloguePart(String partNumber) {
        return jdbc.sql("select * from part_catalogue where part_number = :p").param("p", partNumber).query().listOfRows()
                .stream().findFirst();
    }

    void setStock(String location, String partNumber, int quantity) {
        jdbc.sql("""
                        insert into stock_item (location, part_number, quantity) values (:l, :p, :q)
                        on conflict (location, part_number) do update set quantity = excluded.quantity""")
                .param("l", location).param("p", partNumber).param("q", quantity).update();
    }

    List<Map<String, Object>> stock(String location) {
        return jdbc.sql("""
                        select s.location, s.part_number, s.quantity, c.description, c.unit_price from stock_item s
                        join part_catalogue c on c.part_number = s.part_number where s.location = :l order by s.part_number""")
                .param("l", location).query().listOfRows();
    }

    /** Takes {@code quantity} out of stock in one statement; false when there is not that much (nothing changes). */
    boolean take(String location, String partNumber, int quantity) {
        return jdbc.sql("""
                        update stock_item set quantity = quantity - :q
                        where location = :l and part_number = :p and quantity >= :q""")
                .param("q", quantity).param("l", location).param("p", partNumber).update() == 1;
    }

    void putBack(String location, String partNumber, int quantity) {
        jdbc.sql("update stock_item set quantity = quantity + :q where location = :l and part_number = :p")
                .param("q", quantity).param("l", location).param("p", partNumber).update();
    }

    boolean stockItemExists(String location, String partNumber) {
        return jdbc.sql("select count(*) from stock_item where location = :l and part_number = :p")
                .param("l", location).param("p", partNumber).query(Long.class).single() > 0;
    }

    void insertCheckout(PartCheckout c) {
        jdbc.sql("""
                        insert into part_checkout (id, technician_id, visit_id, location, part_number, quantity, checked_out_at)
                        values (:id, :t, :v, :l, :p, :q, :at)""")
                .param("id", c.id()).param("t", c.technicianId()).param("v", c.visitId()).param("l", c.location())
                .param("p", c.partNumber()).param("q", c.quantity()).param("at", Timestamp.from(c.checkedOutAt())).update();
    }

    Optional<PartCheckout> findForUpdate(UUID id) {
        return jdbc.sql("select * from part_checkout where id = :id for update").param("id", id)
                .query(PartsRepository::map).optional();
    }

    Optional<PartCheckout> find(UUID id) {
        return jdbc.sql("select * from part_checkout where id = :id").param("id", id).query(PartsRepository::map).optional();
    }

    /** The technician's checkouts of a part with something outstanding: those for the visit first, oldest first. */
    List<PartCheckout> outstandingForUpdate(UUID technicianId, String partNumber, UUID visitId) {
        return jdbc.sql("""
                        select * from part_checkout where technician_id = :t and part_number = :p
                          and quantity - returned - consumed > 0
                        order by (visit_id is not distinct from :v) desc, checked_out_at, id for update""")
                .param("t", technicianId).param("p", partNumber).param("v", visitId).query(PartsRepository::map).list();
    }

    List<PartCheckout> checkoutsOf(UUID technicianId) {
        return jdbc.sql("select * from part_checkout where technician_id = :t order by checked_out_at, id")
                .param("t", technicianId).query(PartsRepository::map).list();
    }

    void addReturned(UUID id, int quantity) {
        jdbc.sql("update part_checkout set returned = returned + :q where id = :id").param("q", quantity).param("id", id).update();
    }

    void addConsumed(UUID id, int quantity) {
        jdbc.sql("update part_checkout set consumed = consumed + :q where id = :id").param("q", quantity).param("id", id).update();
    }

    private static PartCheckout map(ResultSet rs, int n) throws SQLException {
        return new PartCheckout(rs.getObject("id", UUID.class), rs.getObject("technician_id", UUID.class),
                rs.getObject("visit_id", UUID.class), rs.getString("location"), rs.getString("part_number"),
                rs.getInt("quantity"), rs.getInt("returned"), rs.getInt("consumed"), rs.getTimestamp("checked_out_at").toInstant());
    }

    static BigDecimal decimal(Object value) {
        return (BigDecimal) value;
    }
}
