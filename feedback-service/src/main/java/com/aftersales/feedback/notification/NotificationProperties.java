package com.aftersales.feedback.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code aftersales.feedback.notifications.*}; defaults in application.yml.
 *
 * @param zone               dates and times in notices are written in this zone
 * @param channelPreference  NT-CHANNEL: channels in the order they are tried for a customer
 * @param pollInterval       how often due notices are looked for
 * @param batchSize          the most notices one poll sends
 * @param claimLease         a claimed notice is not claimed again for this long (a crash mid-send resends it after it)
 * @param maxAttempts        NT-DEAD: attempts before a notice is given up
 * @param initialBackoff     NT-RETRY: wait after the first failed attempt
 * @param backoffMultiplier  NT-RETRY: each further wait is this many times the previous
 * @param maxBackoff         NT-RETRY: the longest wait
 * @param surveyLinks        survey links are sent as notices (otherwise an external sender reads /api/surveys/outbox)
 * @param surveyLinkInterval how often due survey links are taken
 * @param customerWait       NT-WAIT-CUSTOMER: how long a notice waits for its ticket, return or customer profile
 * @param sms                the SMS gateway (HTTP)
 * @param wechat             the WeChat service account's message API (HTTP)
 * @param email              e-mail over SMTP (server settings under spring.mail.*)
 */
@ConfigurationProperties("aftersales.feedback.notifications")
public record NotificationProperties(ZoneId zone, List<ChannelKind> channelPreference, Duration pollInterval, int batchSize,
                                     Duration claimLease, int maxAttempts, Duration initialBackoff, double backoffMultiplier,
                                     Duration maxBackoff, boolean surveyLinks, Duration surveyLinkInterval,
                                     Duration customerWait,
                                     HttpProvider sms, HttpProvider wechat, Email email) {

    /**
     * An HTTP message provider.
     *
     * @param baseUrl        e.g. https://sms.example.com
     * @param path           the send endpoint under it
     * @param apiKey         sent as a bearer token when set
     * @param templateId     WeChat template message id (unused for SMS)
     * @param signature      SMS signature the gateway requires in front of the text, e.g. 【某某售后】
     */
    public record HttpProvider(boolean enabled, URI baseUrl, String path, String apiKey, String templateId,
                               String signature, Duration connectTimeout, Duration readTimeout) {
    }

    /** @param from the sender address */
    public record Email(boolean enabled, String from) {
    }

    DeliveryPolicy policy() {
        return new DeliveryPolicy(channelPreference, maxAttempts, initialBackoff, backoffMultiplier, maxBackoff);
    }
}
