/**
 * Partner deliveries (optional, {@code aftersales.partner-deliveries.enabled}): events that concern a partner depot
 * also go, as the very same CloudEvent, to that depot's topic {@code aftersales.partner.<depot-code>.v1}. The platform
 * outbox sends each event to its type's topic only, so the copy is a second outbox-shaped table
 * ({@code partner_delivery}, platform migration V4) written in the caller's transaction and drained by its own relay
 * under its own advisory lock. Broker ACLs with a prefix then give each partner its own topic and nothing else.
 */
package com.aftersales.platform.partner;
