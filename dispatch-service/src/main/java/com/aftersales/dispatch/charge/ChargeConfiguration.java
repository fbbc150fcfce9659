package com.aftersales.dispatch.charge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChargeConfiguration {

    @Bean
    ChargeCalculator chargeCalculator(ChargeProperties properties) {
        return new ChargeCalculator(properties.rateTable());
    }
}
