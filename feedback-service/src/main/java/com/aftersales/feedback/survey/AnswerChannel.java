package com.aftersales.feedback.survey;

/** How a survey answer came in. */
enum AnswerChannel {
    SMS_LINK, WEB, APP, WECHAT, PHONE_CALLBACK
}
