package com.aftersales.platform.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code aftersales.outbox.notifications}: how the relays hear of rows committed by any instance of the service.
 *
 * @param enabled        listen for the tables' commit notifications (off: relays run after local commits and on their
 *                       poll only, which is what a connection pooler in transaction mode, where LISTEN does not work,
 *                       needs)
 * @param listenTimeout  how long one wait for notifications blocks before the listener checks it is still wanted
 * @param reconnectDelay pause before listening again after the listening connection failed
 */
@ConfigurationProperties("aftersales.outbox.notifications")
public record RelayNotificationProperties(@DefaultValue("true") boolean enabled,
                                          @DefaultValue("5s") Duration listenTimeout,
                                          @DefaultValue("2s") Duration reconnectDelay) {
}
