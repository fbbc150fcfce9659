package com.aftersales.feedback.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import java.util.ArrayList;
import java.util.List;

/** The channels this instance sends on: each enabled in configuration (e-mail also needs spring.mail.host). */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    /** The channels configured and enabled on this instance. */
    record EnabledChannels(List<NotificationChannel> channels) {
    }

    @Bean
    EnabledChannels notificationChannels(NotificationProperties properties, ObjectProvider<JavaMailSender> mail) {
        List<NotificationChannel> channels = new ArrayList<>();
        if (properties.sms() != null && properties.sms().enabled()) {
            channels.add(new SmsChannel(properties.sms()));
        }
        if (properties.wechat() != null && properties.wechat().enabled()) {
            channels.add(new WechatChannel(properties.wechat()));
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (properties.email() != null && properties.email().enabled() && sender != null) {
            channels.add(new EmailChannel(sender, properties.email().from()));
        }
        return new EnabledChannels(List.copyOf(channels));
    }
}
