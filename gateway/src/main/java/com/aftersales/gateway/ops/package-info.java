/**
 * The read-only operations console at {@code /ops}: static page assets (public), its labels in the browser's
 * language and the chart library from the jar; the figures come from each service's {@code /api/ops/<service>}
 * through the gateway, with the user's OPS bearer token.
 */
package com.aftersales.gateway.ops;
