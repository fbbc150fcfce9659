package com.aftersales.feedback.notification;

/** How a notice reaches the customer, and which address of the customer it needs. */
public enum ChannelKind {
    SMS, WECHAT, EMAIL
}
