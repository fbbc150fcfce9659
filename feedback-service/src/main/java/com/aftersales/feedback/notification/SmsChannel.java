package com.aftersales.feedback.notification;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SMS through an HTTP gateway: {@code POST {base-url}{path}} with {@code {"to", "text", "reference"}}; the text is the
 * configured signature followed by the notice's body (an SMS has no subject).
 */
class SmsChannel extends HttpProviderChannel {

    SmsChannel(NotificationProperties.HttpProvider provider) {
        super(provider);
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SMS;
    }

    @Override
    protected Map<String, Object> body(Outgoing notice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", notice.recipient());
        body.put("text", (provider().signature() == null ? "" : provider().signature()) + notice.body());
        body.put("reference", notice.notificationId().toString());
        return body;
    }
}
