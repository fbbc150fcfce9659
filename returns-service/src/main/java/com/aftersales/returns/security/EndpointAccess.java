package com.aftersales.returns.security;

import com.aftersales.platform.security.EndpointAccessRules;
import com.aftersales.platform.security.EndpointRule;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.aftersales.platform.security.Role.ADMIN;
import static com.aftersales.platform.security.Role.AGENT;
import static com.aftersales.platform.security.Role.DEPOT_PARTNER;
import static com.aftersales.platform.security.Role.OPS;
import static com.aftersales.platform.security.Role.QC;
import static com.aftersales.platform.security.Role.STORE;
import static com.aftersales.platform.security.Role.SUPERVISOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * returns-service's role × endpoint table (rendered into the README by {@code EndpointAccessIT}). An endpoint missing
 * here is refused to every role. STORE is narrowed on the data to its own store's returns, DEPOT_PARTNER to the repair
 * orders routed to its depot ({@link CallerScope}).
 */
@Component
public class EndpointAccess implements EndpointAccessRules {

    static final String OWN_STORE = "STORE: returns of its own store";
    static final String OWN_DEPOT = "DEPOT_PARTNER: repairs routed to its depot";

    @Override
    public List<EndpointRule> rules() {
        return EndpointAccessRules.table()
                .allowScoped(POST, "/api/returns/policy/evaluate", "STORE: only units sold through its own store",
                        AGENT, STORE, SUPERVISOR, QC, ADMIN)
                .allowScoped(POST, "/api/returns", "STORE: only units sold through its own store, linked only to its store's "
                        + "tickets; a request date other than today needs SUPERVISOR", AGENT, STORE, SUPERVISOR, ADMIN)
                .allowScoped(GET, "/api/returns", OWN_STORE, AGENT, STORE, SUPERVISOR, QC, ADMIN)
                .allowScoped(GET, "/api/returns/{id}", OWN_STORE, AGENT, STORE, SUPERVISOR, QC, ADMIN)
                .allow(POST, "/api/returns/{id}/override", SUPERVISOR, ADMIN)
                .allow(POST, "/api/returns/{id}/photo-approval", SUPERVISOR, QC, ADMIN)
                .allowScoped(POST, "/api/returns/{id}/receipt", OWN_STORE, STORE, SUPERVISOR, QC, ADMIN)
                .allow(POST, "/api/returns/{id}/inspection", QC, SUPERVISOR, ADMIN)
                .allowScoped(POST, "/api/returns/{id}/fee-settlement", OWN_STORE, AGENT, STORE, SUPERVISOR, ADMIN)
                .allow(POST, "/api/returns/{id}/refund", SUPERVISOR, ADMIN)
                .allowScoped(POST, "/api/returns/{id}/exchange-shipment", OWN_STORE, STORE, SUPERVISOR, ADMIN)
                .allowScoped(POST, "/api/returns/{id}/out-of-stock", OWN_STORE, STORE, SUPERVISOR, ADMIN)
                .allow(POST, "/api/returns/{id}/repair", SUPERVISOR, QC, ADMIN)
                .allow(POST, "/api/returns/{id}/repaired", SUPERVISOR, QC, ADMIN)
                .allowScoped(POST, "/api/returns/{id}/ready-for-pickup", OWN_STORE, STORE, SUPERVISOR, ADMIN)
                .allowScoped(POST, "/api/returns/{id}/collection", OWN_STORE, STORE, SUPERVISOR, ADMIN)
                .allowScoped(POST, "/api/returns/{id}/ship-back", OWN_STORE, STORE, SUPERVISOR, ADMIN)
                .allowScoped(POST, "/api/returns/{id}/pickup-hold", OWN_STORE, STORE, SUPERVISOR, ADMIN)
                .allowScoped(POST, "/api/returns/{id}/out-of-stock/contacts", OWN_STORE, STORE, SUPERVISOR, ADMIN)
                .allowScoped(POST, "/api/returns/{id}/replacement-arrival", OWN_STORE, STORE, SUPERVISOR, ADMIN)
                .allow(POST, "/api/returns/{id}/repair-check", QC, SUPERVISOR, ADMIN)
                .allow(POST, "/api/returns/{id}/unrepairable", QC, SUPERVISOR, ADMIN)
                .allow(POST, "/api/returns/{id}/settlement", SUPERVISOR, ADMIN)
                .allow(POST, "/api/returns/{id}/disposition", QC, SUPERVISOR, ADMIN)
                .allowScoped(GET, "/api/returns/stats", "STORE: its own store's rate (grouped by store only)", STORE, SUPERVISOR, QC, OPS, ADMIN)
                .allow(POST, "/api/depots", SUPERVISOR, ADMIN)
                .allow(GET, "/api/depots", SUPERVISOR, QC, OPS, ADMIN)
                .allowScoped(GET, "/api/depots/{code}", "DEPOT_PARTNER: its own depot", SUPERVISOR, QC, DEPOT_PARTNER, OPS, ADMIN)
                .allow(POST, "/api/depot-repairs", SUPERVISOR, QC, ADMIN)
                .allowScoped(GET, "/api/depot-repairs", OWN_DEPOT, SUPERVISOR, QC, DEPOT_PARTNER, OPS, ADMIN)
                .allowScoped(GET, "/api/depot-repairs/{id}", OWN_DEPOT, SUPERVISOR, QC, DEPOT_PARTNER, ADMIN)
                .allowScoped(POST, "/api/depot-repairs/{id}/status", OWN_DEPOT, DEPOT_PARTNER, SUPERVISOR, ADMIN)
                .allow(GET, "/api/ops/returns-service", SUPERVISOR, OPS, ADMIN)
                .build();
    }
}
