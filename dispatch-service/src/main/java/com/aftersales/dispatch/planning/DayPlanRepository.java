package com.aftersales.dispatch.planning;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.util.Optional;

/** The last solved day plan in PostgreSQL, so every instance reads and marks the same plan. */
@Repository
class DayPlanRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DayPlanRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(DayPlanView view) {
        jdbc.sql("""
                        insert into day_plan (id, view, stale, solved_at) values (1, cast(:view as jsonb), false, :solvedAt)
                        on conflict (id) do update set view = excluded.view, stale = false, solved_at = excluded.solved_at""")
                .param("view", json.writeValueAsString(view)).param("solvedAt", Timestamp.from(view.solvedAt()))
                .update();
    }

    Optional<DayPlanView> current() {
        return jdbc.sql("select view::text, stale from day_plan where id = 1")
                .query((rs, n) -> {
                    DayPlanView view = json.readValue(rs.getString(1), DayPlanView.class);
                    return rs.getBoolean(2) ? view.markedStale() : view;
                })
                .optional();
    }

    /** @return whether there is a plan (now stale) to re-plan; nothing is planned before someone asked for a plan */
    boolean markStale() {
        return jdbc.sql("update day_plan set stale = true where id = 1").update() == 1;
    }
}
