/**
 * RFC 9457 problem responses for failures the gateway itself detects (no route, backend down,
 * backend too slow). Backend problem responses are proxied untouched and never reach this code.
 */
package com.aftersales.gateway.problem;
