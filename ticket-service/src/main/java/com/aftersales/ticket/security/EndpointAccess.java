package com.aftersales.ticket.security;

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
import static com.aftersales.platform.security.Role.TECHNICIAN;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PUT;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * ticket-service's role × endpoint table (rendered into the README by {@code EndpointAccessIT}). An endpoint missing
 * here is refused to every role. STORE is narrowed on the data to its own store's sales and their tickets
 * ({@link StoreScope}).
 */
@Component
public class EndpointAccess implements EndpointAccessRules {

    static final String OWN_STORE = "STORE: customers and units sold through its store";
    static final String OWN_STORE_TICKETS = "STORE: tickets of units sold through its store";

    @Override
    public List<EndpointRule> rules() {
        return EndpointAccessRules.table()
                .allow(POST, "/api/customers", AGENT, STORE, SUPERVISOR, ADMIN)
                .allowScoped(GET, "/api/customers", OWN_STORE, AGENT, STORE, SUPERVISOR, ADMIN)
                .allowScoped(GET, "/api/customers/{id}", OWN_STORE, AGENT, STORE, SUPERVISOR, ADMIN)
                .allowScoped(PATCH, "/api/customers/{id}", OWN_STORE, AGENT, STORE, SUPERVISOR, ADMIN)
                .allowScoped(POST, "/api/customers/{customerId}/products", "STORE: only units sold through its store",
                        AGENT, STORE, SUPERVISOR, ADMIN)
                .allowScoped(GET, "/api/customers/{customerId}/products", OWN_STORE, AGENT, STORE, SUPERVISOR, ADMIN)
                .allowScoped(PATCH, "/api/customers/{customerId}/products/{productId}", OWN_STORE,
                        AGENT, STORE, SUPERVISOR, ADMIN)
                .allowScoped(GET, "/api/products/{serial}", OWN_STORE + "; TECHNICIAN: units of his open tickets, without the "
                        + "receipt; QC: unit facts and history without the customer, install address and receipt", AGENT, STORE, SUPERVISOR, TECHNICIAN, QC, ADMIN)
                .allowScoped(POST, "/api/tickets", "STORE: only for units sold through its store",
                        AGENT, STORE, SUPERVISOR, ADMIN)
                .allowScoped(GET, "/api/tickets", OWN_STORE_TICKETS, AGENT, STORE, SUPERVISOR, ADMIN)
                .allowScoped(GET, "/api/tickets/{id}", OWN_STORE_TICKETS, AGENT, STORE, SUPERVISOR, ADMIN)
                .allow(PATCH, "/api/tickets/{id}", AGENT, SUPERVISOR, ADMIN)
                .allowScoped(GET, "/api/tickets/{id}/timeline", OWN_STORE_TICKETS, AGENT, STORE, SUPERVISOR, ADMIN)
                .allow(POST, "/api/tickets/{id}/transitions", AGENT, SUPERVISOR, ADMIN)
                .allow(POST, "/api/tickets/{id}/charge-basis", AGENT, SUPERVISOR, ADMIN)
                .allow(POST, "/api/tickets/{id}/escalation", AGENT, SUPERVISOR, ADMIN)
                .allow(POST, "/api/tickets/{id}/escalation/end", SUPERVISOR, ADMIN)
                .allow(GET, "/api/tickets/{id}/knowledge-suggestions", AGENT, SUPERVISOR, ADMIN)
                .allow(POST, "/api/tickets/{id}/knowledge-outcomes", AGENT, SUPERVISOR, ADMIN)
                .allow(POST, "/api/calls", AGENT, SUPERVISOR, ADMIN)
                .allow(GET, "/api/calls", AGENT, SUPERVISOR, ADMIN)
                .allow(GET, "/api/calls/{id}", AGENT, SUPERVISOR, ADMIN)
                .allow(POST, "/api/calls/{id}/callback", AGENT, SUPERVISOR, ADMIN)
                .allow(GET, "/api/calendar/days", AGENT, STORE, SUPERVISOR, TECHNICIAN, QC, OPS, ADMIN)
                .allow(PUT, "/api/calendar/days/{date}", ADMIN)
                .allow(DELETE, "/api/calendar/days/{date}", ADMIN)
                .allow(POST, "/api/knowledge-articles", SUPERVISOR, QC, ADMIN)
                .allow(PATCH, "/api/knowledge-articles/{id}", SUPERVISOR, QC, ADMIN)
                .allow(GET, "/api/knowledge-articles", AGENT, STORE, SUPERVISOR, TECHNICIAN, QC, ADMIN)
                .allow(GET, "/api/knowledge-articles/{id}", AGENT, STORE, SUPERVISOR, TECHNICIAN, QC, ADMIN)
                .allow(GET, "/api/knowledge-articles/search", AGENT, STORE, SUPERVISOR, TECHNICIAN, QC, ADMIN)
                .allow(GET, "/api/knowledge-vocabulary", SUPERVISOR, QC, ADMIN)
                .allow(PUT, "/api/knowledge-vocabulary/{name}", SUPERVISOR, QC, ADMIN)
                .allow(DELETE, "/api/knowledge-vocabulary/{name}", SUPERVISOR, QC, ADMIN)
                .allow(GET, "/api/ops/ticket-service", SUPERVISOR, OPS, ADMIN)
                .build();
    }
}
