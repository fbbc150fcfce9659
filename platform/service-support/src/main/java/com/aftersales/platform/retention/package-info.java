/**
 * Retention of the platform's bookkeeping tables, which otherwise only grow: the consumers' {@code processed_event}
 * (idempotent intake), the published rows of {@code outbox_event} and the sent rows of {@code partner_delivery}.
 * {@link com.aftersales.platform.retention.RetentionJob} deletes what is older than each table's period in small
 * batches, each its own short transaction, so it never holds a long lock or a long transaction; periods are
 * configuration ({@code aftersales.retention.*}, {@code aftersales.outbox.retention},
 * {@code aftersales.partner-deliveries.retention}).
 */
package com.aftersales.platform.retention;
