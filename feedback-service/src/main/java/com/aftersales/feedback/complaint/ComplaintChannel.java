package com.aftersales.feedback.complaint;

/** Where a complaint came in. SURVEY is the low-score rule. */
public enum ComplaintChannel {
    PHONE, WEB, APP, WECHAT, STORE, EMAIL, SOCIAL_MEDIA, REGULATOR, SURVEY
}
