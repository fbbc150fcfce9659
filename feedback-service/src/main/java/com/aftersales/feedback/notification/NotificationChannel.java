package com.aftersales.feedback.notification;

import java.util.Locale;
import java.util.UUID;

/** A way to reach a customer (an SMS gateway, WeChat, an SMTP server). Implementations never throw for a failed send. */
public interface NotificationChannel {

    ChannelKind kind();

    /** What to send: the recipient's address on this channel and the rendered text. */
    record Outgoing(UUID notificationId, String recipient, Locale locale, String subject, String body) {
    }

    /** The provider's answer. */
    record Result(Outcome outcome, String detail) {

        public static Result delivered(String detail) {
            return new Result(Outcome.DELIVERED, detail);
        }

        public static Result failed(String detail) {
            return new Result(Outcome.FAILED, detail);
        }

        public static Result rejected(String detail) {
            return new Result(Outcome.REJECTED, detail);
        }
    }

    /**
     * DELIVERED: the provider took it. FAILED: try again later (timeout, 5xx, 429). REJECTED: the provider refused
     * this message for good (a 4xx: bad number, unknown openid), retrying would not help.
     */
    enum Outcome {
        DELIVERED, FAILED, REJECTED
    }

    Result send(Outgoing notice);
}
