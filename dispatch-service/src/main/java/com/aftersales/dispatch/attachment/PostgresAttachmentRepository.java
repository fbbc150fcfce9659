package com.aftersales.dispatch.attachment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/** Attachments in the {@code attachment} table (bytea), one row per image. */
@Repository
class PostgresAttachmentRepository implements AttachmentStore {

    private static final String COLUMNS = "id, media_type, size_bytes, sha256, technician_id, uploaded_by, uploaded_at";

    private final JdbcClient jdbc;

    PostgresAttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(Attachment a, byte[] content) {
        jdbc.sql("""
                        insert into attachment (id, media_type, size_bytes, sha256, technician_id, uploaded_by, uploaded_at, content)
                        values (:id, :type, :size, :sha, :tech, :by, :at, :content)""")
                .param("id", a.id()).param("type", a.mediaType()).param("size", a.sizeBytes()).param("sha", a.sha256())
                .param("tech", a.technicianId()).param("by", a.uploadedBy()).param("at", Timestamp.from(a.uploadedAt()))
                .param("content", content).update();
    }

    @Override
    public Optional<Attachment> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from attachment where id = :id").param("id", id)
                .query(PostgresAttachmentRepository::attachment).optional();
    }

    @Override
    public Optional<byte[]> content(UUID id) {
        return jdbc.sql("select content from attachment where id = :id").param("id", id)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    @Override
    public Optional<Attachment> findSame(String uploadedBy, String sha256) {
        return jdbc.sql("select " + COLUMNS + " from attachment where uploaded_by = :by and sha256 = :sha order by uploaded_at limit 1")
                .param("by", uploadedBy).param("sha", sha256).query(PostgresAttachmentRepository::attachment).optional();
    }

    private static Attachment attachment(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Attachment(id, Attachment.reference(id), rs.getString("media_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), rs.getObject("technician_id", UUID.class), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }
}
