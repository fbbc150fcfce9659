package com.aftersales.feedback.followup;

/** How the customer was contacted. */
enum ContactChannel {
    PHONE, SMS, WECHAT, EMAIL, VISIT
}
