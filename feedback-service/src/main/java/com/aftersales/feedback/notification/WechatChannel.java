package com.aftersales.feedback.notification;

import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A WeChat service-account template message: {@code POST {base-url}{path}} with {@code touser} (the customer's
 * openid), {@code template_id} and the subject and body as template data. WeChat answers 200 with {@code errcode}:
 * 0 is sent, a busy or expired-token code is retried, anything else (unknown openid, user unsubscribed) refuses it.
 */
class WechatChannel extends HttpProviderChannel {

    /** -1 system busy, 40001/42001 access token invalid or expired (refreshed by the gateway in front). */
    static final Set<Integer> RETRYABLE_ERRCODES = Set.of(-1, 40001, 42001, 45009);

    WechatChannel(NotificationProperties.HttpProvider provider) {
        super(provider);
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WECHAT;
    }

    @Override
    protected Map<String, Object> body(Outgoing notice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("touser", notice.recipient());
        body.put("template_id", provider().templateId());
        body.put("data", Map.of("title", Map.of("value", notice.subject()), "content", Map.of("value", notice.body())));
        body.put("reference", notice.notificationId().toString());
        return body;
    }

    @Override
    protected Result interpret(JsonNode answer) {
        int errcode = answer.path("errcode").asInt(0);
        if (errcode == 0) {
            return Result.delivered("msgid " + answer.path("msgid").asString(""));
        }
        String detail = "errcode " + errcode + " " + answer.path("errmsg").asString("");
        return RETRYABLE_ERRCODES.contains(errcode) ? Result.failed(detail) : Result.rejected(detail);
    }
}
