package com.aftersales.deployment;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** The PromQL expressions of a Grafana dashboard: every `expr` of every panel target, nested rows included. */
final class DashboardExpressions {

    private DashboardExpressions() {
    }

    static List<String> of(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        collect(dashboard.path("panels"), expressions);
        return expressions;
    }

    private static void collect(JsonNode panels, List<String> expressions) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString("");
                if (!expr.isBlank()) {
                    expressions.add(expr);
                }
            }
            collect(panel.path("panels"), expressions);
        }
    }

    /**
     * An expression with Grafana's variables replaced by values Prometheus accepts, so that promtool
     * can check its syntax.
     */
    static String withGrafanaVariablesResolved(String expr) {
        return expr.replace("$__rate_interval", "1m")
                .replace("$__interval", "15s")
                .replace("$__range", "1h")
                .replace("$service", ".*");
    }
}
