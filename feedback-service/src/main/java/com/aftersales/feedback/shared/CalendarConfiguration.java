package com.aftersales.feedback.shared;

import com.aftersales.calendar.BusinessCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    BusinessCalendar businessCalendar(CalendarProperties properties) {
        return properties.toCalendar();
    }
}
