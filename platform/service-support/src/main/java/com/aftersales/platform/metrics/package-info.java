/** Metrics shared by every service: query-backed gauges refreshed on an interval, dead-letter topic sizes. */
package com.aftersales.platform.metrics;
