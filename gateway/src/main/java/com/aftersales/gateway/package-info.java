/**
 * Edge gateway of the after-sales platform. Features: {@code routing} (route table built from
 * typed properties, Location rewriting), {@code correlation} (X-Request-Id and access log),
 * {@code problem} (RFC 9457 answers for the gateway's own failures).
 */
package com.aftersales.gateway;
