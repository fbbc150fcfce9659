package com.aftersales.feedback.shared;

import com.aftersales.calendar.BusinessCalendar;
import com.aftersales.platform.calendar.PublicCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    BusinessCalendar businessCalendar(CalendarProperties properties, PublicCalendar publicDays) {
        return properties.toCalendar(publicDays);
    }
}
