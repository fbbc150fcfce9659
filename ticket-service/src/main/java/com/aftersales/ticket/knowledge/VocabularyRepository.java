package com.aftersales.ticket.knowledge;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The domain vocabulary in PostgreSQL; every change moves the index revision so that every instance rebuilds. */
@Repository
class VocabularyRepository {

    private final JdbcClient jdbc;

    VocabularyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(String name, List<String> terms, String updatedBy, Instant updatedAt, long version) {
        Vocabulary.Group group() {
            return new Vocabulary.Group(name, terms);
        }
    }

    List<Row> all() {
        return jdbc.sql("select * from knowledge_vocabulary order by name").query(VocabularyRepository::map).list();
    }

    Optional<Row> find(String name) {
        return jdbc.sql("select * from knowledge_vocabulary where name = :name").param("name", name)
                .query(VocabularyRepository::map).optional();
    }

    /** Creates the group or replaces its words; when {@code readVersion} is given, only if it is still that version. */
    boolean put(String name, List<String> terms, String actor, Instant at, Long readVersion) {
        int changed = jdbc.sql("""
                        insert into knowledge_vocabulary (name, terms, updated_by, updated_at) values (:name, :terms, :actor, :at)
                        on conflict (name) do update set terms = excluded.terms, updated_by = excluded.updated_by,
                               updated_at = excluded.updated_at, version = knowledge_vocabulary.version + 1
                        where cast(:version as bigint) is null or knowledge_vocabulary.version = :version""")
                .param("name", name).param("terms", terms.toArray(String[]::new)).param("actor", actor)
                .param("at", Timestamp.from(at)).param("version", readVersion).update();
        if (changed == 1) {
            vocabularyChanged();
        }
        return changed == 1;
    }

    boolean delete(String name) {
        boolean deleted = jdbc.sql("delete from knowledge_vocabulary where name = :name").param("name", name).update() == 1;
        if (deleted) {
            vocabularyChanged();
        }
        return deleted;
    }

    private void vocabularyChanged() {
        jdbc.sql("update knowledge_index_state set revision = revision + 1, vocabulary_revision = revision + 1 where id = 1")
                .update();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        Array terms = rs.getArray("terms");
        return new Row(rs.getString("name"), Arrays.asList((String[]) terms.getArray()), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
