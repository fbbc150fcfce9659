package com.aftersales.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One state-changing request: who (subject, roles and scope claims), when, what (method, route pattern, path,
 * target id), its outcome (status) and its correlation id.
 */
public record AuditEntry(long id, Instant occurredAt, String subject, List<String> roles, String store, String depot,
                         UUID technicianId, String method, String route, String path, String targetId, int status,
                         String correlationId) {
}
