package com.aftersales.ticket.customer;

/** Size limits of customer fields: generous for real data, small enough that one request cannot flood the database. */
final class CustomerLimits {
    static final int NAME = 200;
    static final int PHONES = 5;
    static final int PHONE = 32;
    static final int ADDRESSES = 10;
    static final int EMAIL = 254;
    static final int WECHAT_OPEN_ID = 128;
    static final String LANGUAGE_TAG = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*";
    static final String DEFAULT_LANGUAGE = "zh-CN";

    private CustomerLimits() {
    }
}
