/**
 * Delivery of depot-bound events to partner-scoped topics ({@code aftersales.partner.<depot-code>.v1}). The
 * platform outbox sends each event to its type's topic only, so this feature keeps a second, local outbox
 * ({@code partner_delivery}): the same CloudEvent, copied from {@code outbox_event} in the transaction that
 * wrote it, is relayed to the depot's topic in order. Broker ACLs with a prefix then give each partner its
 * own topic and nothing else.
 */
package com.aftersales.returns.partner;
