/**
 * Route table: one route per backend service built from {@link com.aftersales.gateway.routing.GatewayRoutingProperties},
 * plus one route per service exposing its OpenAPI document under {@code /v3/api-docs/<service>}.
 */
package com.aftersales.gateway.routing;
