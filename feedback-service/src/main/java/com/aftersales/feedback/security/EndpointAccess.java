package com.aftersales.feedback.security;

import com.aftersales.platform.security.EndpointAccessRules;
import com.aftersales.platform.security.EndpointRule;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.aftersales.platform.security.Role.ADMIN;
import static com.aftersales.platform.security.Role.AGENT;
import static com.aftersales.platform.security.Role.OPS;
import static com.aftersales.platform.security.Role.QC;
import static com.aftersales.platform.security.Role.STORE;
import static com.aftersales.platform.security.Role.SUPERVISOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * feedback-service's role × endpoint table (rendered into the README by {@code EndpointAccessIT}). An endpoint missing
 * here is refused to every role. OPS reads dashboards, KPIs and reports only; projection rebuilds are ADMIN's.
 */
@Component
public class EndpointAccess implements EndpointAccessRules {

    @Override
    public List<EndpointRule> rules() {
        return EndpointAccessRules.table()
                .allowScoped(POST, "/api/complaints", "STORE: linked only to its own store's tickets of that customer",
                        AGENT, STORE, SUPERVISOR, ADMIN)
                .allow(GET, "/api/complaints", AGENT, SUPERVISOR, QC, ADMIN)
                .allow(GET, "/api/complaints/{id}", AGENT, SUPERVISOR, QC, ADMIN)
                .allow(POST, "/api/complaints/{id}/steps", AGENT, SUPERVISOR, ADMIN)
                .allow(GET, "/api/follow-ups/due", AGENT, SUPERVISOR, ADMIN)
                .allow(POST, "/api/follow-ups/contacts", AGENT, SUPERVISOR, ADMIN)
                .allow(GET, "/api/follow-ups/contacts/{id}", AGENT, SUPERVISOR, ADMIN)
                .allow(POST, "/api/surveys/{id}/responses", AGENT, SUPERVISOR, ADMIN)
                .allowWithoutToken(GET, "/api/survey-links/{id}", "the survey link's token")
                .allowWithoutToken(POST, "/api/survey-links/{id}/answer", "the survey link's token")
                .allow(GET, "/api/surveys/outbox", SUPERVISOR, ADMIN)
                .allow(POST, "/api/surveys/{id}/sent", SUPERVISOR, ADMIN)
                .allow(GET, "/api/surveys", AGENT, SUPERVISOR, OPS, ADMIN)
                .allow(GET, "/api/surveys/{id}", AGENT, SUPERVISOR, OPS, ADMIN)
                .allow(GET, "/api/kpis", SUPERVISOR, QC, OPS, ADMIN)
                .allow(POST, "/api/kpis/rebuilds", ADMIN)
                .allow(GET, "/api/reports/monthly", SUPERVISOR, QC, OPS, ADMIN)
                .allow(GET, "/api/reports/daily", SUPERVISOR, QC, OPS, ADMIN)
                .allow(GET, "/api/quality-alerts", SUPERVISOR, QC, OPS, ADMIN)
                .allow(GET, "/api/quality-alerts/{id}", SUPERVISOR, QC, OPS, ADMIN)
                .allow(GET, "/api/quality-alerts/{id}/units-at-risk", SUPERVISOR, QC, OPS, ADMIN)
                .allow(POST, "/api/quality-alerts/scans", QC, ADMIN)
                .allow(POST, "/api/quality-alerts/projection/rebuilds", ADMIN)
                .allow(GET, "/api/notifications", AGENT, SUPERVISOR, OPS, ADMIN)
                .allow(GET, "/api/notifications/{id}", AGENT, SUPERVISOR, OPS, ADMIN)
                .allow(GET, "/api/ops/feedback-service", SUPERVISOR, OPS, ADMIN)
                .build();
    }
}
