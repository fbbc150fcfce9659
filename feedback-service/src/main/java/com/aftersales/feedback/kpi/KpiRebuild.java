package com.aftersales.feedback.kpi;

import com.aftersales.contracts.Topics;
import com.aftersales.feedback.shared.ProjectionRebuilder;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The KPI projection's rebuild from offset zero (see {@link ProjectionRebuilder}). Every KPI step is
 * order-independent, so the rebuilt tables equal those the live listener built.
 */
@Component
class KpiRebuild {

    static final List<String> TOPICS = List.of(Topics.TICKETS, Topics.DISPATCH, Topics.RETURNS, Topics.FEEDBACK);
    static final List<String> TABLES = List.of("kpi_daily", "kpi_monthly", "kpi_ticket", "kpi_product", "kpi_visit",
            "kpi_return");

    private final ProjectionRebuilder rebuilder;
    private final KpiProjection projection;

    KpiRebuild(ProjectionRebuilder rebuilder, KpiProjection projection) {
        this.rebuilder = rebuilder;
        this.projection = projection;
    }

    ProjectionRebuilder.Result rebuild() {
        return rebuilder.rebuild(new ProjectionRebuilder.Projection("kpi", KpiEventsListener.LISTENER_ID,
                KpiEventsListener.GROUP, TOPICS, TABLES, projection.handlers()));
    }
}
