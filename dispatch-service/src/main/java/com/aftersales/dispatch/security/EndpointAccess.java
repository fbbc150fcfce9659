package com.aftersales.dispatch.security;

import com.aftersales.platform.security.EndpointAccessRules;
import com.aftersales.platform.security.EndpointRule;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.aftersales.platform.security.Role.ADMIN;
import static com.aftersales.platform.security.Role.AGENT;
import static com.aftersales.platform.security.Role.OPS;
import static com.aftersales.platform.security.Role.SUPERVISOR;
import static com.aftersales.platform.security.Role.TECHNICIAN;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * dispatch-service's role × endpoint table (rendered into the README by {@code EndpointAccessIT}). An endpoint missing
 * here is refused to every role. TECHNICIAN is narrowed on the data to his own jobs, visits, reports and parts
 * ({@link TechnicianScope}); SUPERVISOR is the dispatcher.
 */
@Component
public class EndpointAccess implements EndpointAccessRules {

    static final String OWN_JOBS = "TECHNICIAN: his own jobs";
    static final String OWN_VISITS = "TECHNICIAN: his own visits";
    static final String OWN_PARTS = "TECHNICIAN: his own checkouts";

    @Override
    public List<EndpointRule> rules() {
        return EndpointAccessRules.table()
                .allowScoped(GET, "/api/dispatch/jobs", OWN_JOBS, AGENT, SUPERVISOR, TECHNICIAN, ADMIN)
                .allowScoped(GET, "/api/dispatch/jobs/{id}", OWN_JOBS, AGENT, SUPERVISOR, TECHNICIAN, ADMIN)
                .allow(GET, "/api/dispatch/jobs/{id}/assignments", SUPERVISOR, ADMIN)
                .allow(GET, "/api/dispatch/jobs/{id}/proposal", SUPERVISOR, ADMIN)
                .allow(PUT, "/api/dispatch/jobs/{id}/assignment", SUPERVISOR, ADMIN)
                .allowScoped(POST, "/api/dispatch/jobs/{id}/decline", "TECHNICIAN: declines only his own jobs, recorded as the caller",
                        SUPERVISOR, TECHNICIAN, ADMIN)
                .allow(POST, "/api/dispatch/day-plan", SUPERVISOR, ADMIN)
                .allow(POST, "/api/dispatch/day-plan/application", SUPERVISOR, ADMIN)
                .allow(GET, "/api/dispatch/day-plan", SUPERVISOR, OPS, ADMIN)
                .allow(POST, "/api/technicians", SUPERVISOR, ADMIN)
                .allow(GET, "/api/technicians", AGENT, SUPERVISOR, OPS, ADMIN)
                .allowScoped(GET, "/api/technicians/{id}", "TECHNICIAN: himself", SUPERVISOR, TECHNICIAN, OPS, ADMIN)
                .allow(PUT, "/api/technicians/{id}", SUPERVISOR, ADMIN)
                .allowScoped(POST, "/api/technicians/{id}/status", "TECHNICIAN: himself", SUPERVISOR, TECHNICIAN, ADMIN)
                .allowScoped(POST, "/api/visits", OWN_JOBS, AGENT, SUPERVISOR, TECHNICIAN, ADMIN)
                .allowScoped(GET, "/api/visits", OWN_VISITS, AGENT, SUPERVISOR, TECHNICIAN, ADMIN)
                .allowScoped(GET, "/api/visits/{id}", OWN_VISITS, AGENT, SUPERVISOR, TECHNICIAN, ADMIN)
                .allowScoped(POST, "/api/visits/{id}/reschedule", OWN_VISITS, AGENT, SUPERVISOR, TECHNICIAN, ADMIN)
                .allowScoped(POST, "/api/visits/{id}/no-show", OWN_VISITS, SUPERVISOR, TECHNICIAN, ADMIN)
                .allowScoped(POST, "/api/visits/{id}/status", OWN_VISITS, SUPERVISOR, TECHNICIAN, ADMIN)
                .allowScoped(POST, "/api/visits/{id}/quote", OWN_VISITS, SUPERVISOR, TECHNICIAN, ADMIN)
                .allowScoped(GET, "/api/visits/{id}/quote", OWN_VISITS, AGENT, SUPERVISOR, TECHNICIAN, ADMIN)
                .allowScoped(POST, "/api/visits/{id}/quote/acceptance", OWN_VISITS, AGENT, SUPERVISOR, TECHNICIAN, ADMIN)
                .allowScoped(POST, "/api/visits/{id}/reports", OWN_VISITS, SUPERVISOR, TECHNICIAN, ADMIN)
                .allowScoped(GET, "/api/visits/{id}/reports", OWN_VISITS, AGENT, SUPERVISOR, TECHNICIAN, ADMIN)
                .allowScoped(POST, "/api/visits/{id}/completion", OWN_VISITS, SUPERVISOR, TECHNICIAN, ADMIN)
                .allowScoped(GET, "/api/service-reports/{id}", OWN_VISITS, AGENT, SUPERVISOR, TECHNICIAN, ADMIN)
                .allowScoped(PUT, "/api/service-reports/{id}", OWN_VISITS, SUPERVISOR, TECHNICIAN, ADMIN)
                .allowScoped(POST, "/api/service-reports/{id}/signature", OWN_VISITS, SUPERVISOR, TECHNICIAN, ADMIN)
                .allow(PUT, "/api/parts/catalogue/{partNumber}", SUPERVISOR, ADMIN)
                .allowScoped(POST, "/api/attachments", "TECHNICIAN: his own uploads", SUPERVISOR, TECHNICIAN, ADMIN)
                .allowScoped(GET, "/api/attachments/{id}", "TECHNICIAN: his own uploads", AGENT, SUPERVISOR, TECHNICIAN, ADMIN)
                .allowScoped(GET, "/api/attachments/{id}/meta", "TECHNICIAN: his own uploads", AGENT, SUPERVISOR, TECHNICIAN, ADMIN)
                .allow(PUT, "/api/parts/stock/{location}/{partNumber}", SUPERVISOR, ADMIN)
                .allow(GET, "/api/parts/stock", SUPERVISOR, TECHNICIAN, OPS, ADMIN)
                .allowScoped(POST, "/api/parts/checkouts", OWN_PARTS + ", against his own visits", SUPERVISOR, TECHNICIAN, ADMIN)
                .allowScoped(GET, "/api/parts/checkouts", OWN_PARTS, SUPERVISOR, TECHNICIAN, ADMIN)
                .allowScoped(GET, "/api/parts/checkouts/{id}", OWN_PARTS, SUPERVISOR, TECHNICIAN, ADMIN)
                .allowScoped(POST, "/api/parts/checkouts/{id}/returns", OWN_PARTS, SUPERVISOR, TECHNICIAN, ADMIN)
                .allow(GET, "/api/ops/dispatch-service", SUPERVISOR, OPS, ADMIN)
                .build();
    }
}
