package com.aftersales.platform.outbox;

/**
 * An outbox-shaped table a {@link TableRelay} drains (columns {@code sequence_number, topic, message_key, payload,
 * traceparent, created_at, published_at}), the advisory lock that keeps one relay per database on it, and the names
 * it reports under.
 *
 * @param table        the table, a constant of the platform (never input)
 * @param lockKey      its relay's PostgreSQL advisory lock key; different per table, so relays never wait on each other
 * @param what         what its rows are, for thread names and metric descriptions
 * @param relayed      counter of rows sent
 * @param pending      gauge of rows not yet acknowledged by the broker
 * @param oldestAge    gauge of the age of the oldest of those, in seconds
 */
public record RelayTable(String table, long lockKey, String what, String relayed, String pending, String oldestAge) {
}
